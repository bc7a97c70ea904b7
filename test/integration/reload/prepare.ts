import * as vscode from 'vscode';
import { api } from '../helpers';

// Not a suite of the reload phase (its name does not end in .test.ts): the main
// phase's entry point (../index.ts) runs it explicitly after all of its suites.
// It leaves progress that the reload phase, in a new window, must find again
// (./persisted.test.ts).
suite('before the reload', () => {
  test('leaves progress for the reload phase', async () => {
    await vscode.commands.executeCommand('mss.resetProgress');
    await vscode.commands.executeCommand('mss.setStepDone', { procedure: 'moveToServer', step: 'install', done: true });
    await vscode.commands.executeCommand('mss.setStepDone', { procedure: 'moveToServer', step: 'configure', done: true });
    const a = await api();
    await a.progress.setMachines('moveToCluster', 'serverAll', ['BTS01', 'BTS02']);
    await a.progress.setMachineDone('moveToCluster', 'serverAll', 'BTS01', true);
  });
});
