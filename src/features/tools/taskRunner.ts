// Starts one VS Code task and waits for its process's exit code. VS Code reports a task's
// end in two events (the process, the task) and can drop a task it cannot start without
// either, so this waits for both, with a limit on the start.
import * as vscode from 'vscode';

/** A task that ended without an exit code: terminated, or its program could not start. */
export class TaskStoppedError extends Error {}

/** How long a task may take to start before the run is given up: VS Code can drop a task without an event (for example when it cannot resolve a variable). */
const START_LIMIT_MS = 30_000;

/** Starts a task and resolves with its process's exit code; rejects with TaskStoppedError when it ended without one or never started. */
export async function executeAndWait(task: vscode.Task, onStarted: (execution: vscode.TaskExecution) => void = () => {}): Promise<number> {
  let execution: vscode.TaskExecution | undefined;
  const ended: Array<{ execution: vscode.TaskExecution; code: number | undefined; kind: 'process' | 'task' }> = [];
  const startedExecutions: vscode.TaskExecution[] = [];
  let wake = () => {};
  const subs = [
    vscode.tasks.onDidStartTask((e) => { startedExecutions.push(e.execution); wake(); }),
    vscode.tasks.onDidEndTaskProcess((e) => { ended.push({ execution: e.execution, code: e.exitCode, kind: 'process' }); wake(); }),
    vscode.tasks.onDidEndTask((e) => { ended.push({ execution: e.execution, code: undefined, kind: 'task' }); wake(); }),
  ];
  try {
    execution = await vscode.tasks.executeTask(task);
    onStarted(execution);
    const startBy = Date.now() + START_LIMIT_MS;
    for (;;) {
      const mine = ended.filter((e) => e.execution === execution);
      const proc = mine.find((e) => e.kind === 'process');
      if (proc) {
        if (proc.code === undefined) throw new TaskStoppedError(`"${task.name}" was terminated before its process reported an exit code. Nothing was marked done.`);
        return proc.code;
      }
      if (mine.some((e) => e.kind === 'task')) {
        // The task ended; its process end event, if any, comes first, but give it a moment.
        await new Promise((r) => setTimeout(r, 200));
        const late = ended.find((e) => e.execution === execution && e.kind === 'process');
        if (late && late.code !== undefined) return late.code;
        throw new TaskStoppedError(`"${task.name}" ended without an exit code (terminated, or the program could not start). Nothing was marked done.`);
      }
      const started = startedExecutions.includes(execution);
      if (!started && Date.now() > startBy) {
        throw new TaskStoppedError(`VS Code did not start "${task.name}" within ${START_LIMIT_MS / 1000} seconds; see the Tasks output for why. Nothing was run or marked done.`);
      }
      await new Promise<void>((r) => {
        wake = r;
        if (!started) setTimeout(r, Math.max(0, startBy - Date.now()) + 10);
      });
    }
  } finally {
    subs.forEach((s) => s.dispose());
  }
}
