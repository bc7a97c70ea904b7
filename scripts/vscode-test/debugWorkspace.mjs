// What the "Extension Tests" launch configuration (.vscode/launch.json) starts
// from, made by the "test workspace" task before each launch: a fresh copy of
// test/fixtures/workspace in .vscode-test/workspace (the tests write files into
// it) and an empty profile, .vscode-test/user-data (as each run of run.mjs has).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyWorkspace } from './phases.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const target = path.join(root, '.vscode-test', 'workspace');
const userData = path.join(root, '.vscode-test', 'user-data');
for (const dir of [target, userData]) fs.rmSync(dir, { recursive: true, force: true });
copyWorkspace(root, undefined, target);
console.log(`test workspace: ${path.relative(root, target)}, empty profile: ${path.relative(root, userData)}`);
