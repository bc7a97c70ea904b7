// Activation in the real VS Code (npm run bench): how long the extension's activate() takes in
// a fresh window, with the production bundle (the phase loads the extension as the .vsix ships
// it), and what it does before it returns: the files it touches, the disposables it registers,
// and, from an in-process CPU profile, where its time goes. No timing is asserted: the figures
// go to BENCHMARKS.md. What is asserted is what makes the figures mean something.
import * as assert from 'assert';
import * as fs from 'fs';
import * as inspector from 'inspector';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../helpers';
import { record } from '../record';

type Fs = Record<string, unknown>;
const WATCHED = ['readFileSync', 'readdirSync', 'statSync', 'lstatSync', 'existsSync', 'openSync', 'readFile', 'readdir', 'stat', 'open', 'writeFileSync', 'writeFile', 'mkdirSync'] as const;

/** Records the fs calls (name and first argument) made from the file `bundle` while `on()` is true. */
function watchFs(bundle: string, on: () => boolean): { calls: string[]; restore(): void } {
  // The module object itself (the bundle's `fs` reads its properties), not an import's copy.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('fs') as typeof import('fs');
  const calls: string[] = [];
  const restore: Array<() => void> = [];
  for (const [where, target] of [['fs', fs as unknown as Fs], ['fs.promises', fs.promises as unknown as Fs]] as const) {
    for (const name of WATCHED) {
      const orig = target[name];
      if (typeof orig !== 'function') continue;
      target[name] = function (this: unknown, ...args: unknown[]) {
        if (on()) {
          const limit = Error.stackTraceLimit;
          Error.stackTraceLimit = 100;
          const stack = new Error().stack ?? '';
          Error.stackTraceLimit = limit;
          if (stack.includes(bundle)) calls.push(`${where}.${name} ${String(args[0])}`);
        }
        return (orig as (...a: unknown[]) => unknown).apply(this, args);
      };
      restore.push(() => { target[name] = orig; });
    }
  }
  return { calls, restore: () => { for (const r of restore) r(); } };
}

function post<T>(session: inspector.Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r as T))));
}

interface CpuProfile { nodes: Array<{ id: number; callFrame: { functionName: string; url: string }; children?: number[] }>; samples: number[]; timeDeltas: number[] }

/**
 * The samples of the profile taken while the extension's bundle was on the stack (its code and
 * what it called), in ms, by where the running code was: the bundle itself, VS Code's
 * extension host (the API), Node.js, native code.
 */
function splitProfile(profile: CpuProfile, bundle: string): Record<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inBundle = (url: string) => url === bundle || url === `file://${bundle}`;
  const underBundle = (id: number): boolean => {
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) if (inBundle(byId.get(n)!.url)) return true;
    return false;
  };
  const out: Record<string, number> = {};
  profile.samples.forEach((id, i) => {
    if (!underBundle(id)) return;
    const f = byId.get(id)!;
    const where = inBundle(f.url) ? 'extension bundle'
      : /extensionHostProcess|\/vscode\/out\//.test(f.url) ? 'VS Code extension host'
        : f.url.startsWith('node:') ? 'Node.js'
          : f.url === '' ? 'native code and garbage collection'
            : 'other scripts';
    out[where] = (out[where] ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000;
  });
  return out;
}

suite('bench: activation', () => {
  test('activate() in a fresh window, with the production bundle', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    assert.strictEqual(ext.isActive, false, 'nothing in this window (no folder, no file) activates the extension before this test');
    const main = require.resolve(path.join(ext.extensionPath, 'dist', 'extension.js'));
    assert.ok(!/\n\/\/# sourceMappingURL/.test(fs.readFileSync(main, 'utf8').slice(-200)), 'the bundle is the production build');

    // The extension host loads the module with require (CommonJS): load it first, to time that
    // apart, and put a timer around activate() in the module cache the host then reads from.
    const t0 = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle, loaded as the host loads it
    const real = require(main) as { activate(c: vscode.ExtensionContext): unknown; deactivate?(): unknown };
    const loadMs = performance.now() - t0;
    let recording = false;
    const watch = watchFs(main, () => recording);
    const session = new inspector.Session();
    session.connect();
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.setSamplingInterval', { interval: 50 });
    let activateMs: number | undefined;
    let subscriptions = 0;
    require.cache[main]!.exports = {
      activate(context: vscode.ExtensionContext) {
        recording = true;
        const s = performance.now();
        try {
          return real.activate(context);
        } finally {
          activateMs = performance.now() - s;
          recording = false;
          subscriptions = context.subscriptions.length;
        }
      },
      deactivate: () => real.deactivate?.(),
    };
    await post(session, 'Profiler.start');
    const h0 = performance.now();
    await ext.activate();
    const hostMs = performance.now() - h0;
    const { profile } = await post<{ profile: CpuProfile }>(session, 'Profiler.stop');
    // What the extension does in the 200 ms after activate() returned (deferred work).
    const during = [...watch.calls];
    watch.calls.length = 0;
    recording = true;
    await new Promise((r) => setTimeout(r, 200));
    recording = false;
    const after = [...watch.calls];
    watch.restore();
    session.disconnect();
    assert.ok(activateMs !== undefined, 'the extension host called activate() through the module cache');
    record('activation', { activateMs, loadMs, hostMs, subscriptions, filesDuring: during, filesAfter: after, profileMs: splitProfile(profile, main) });
  });
});
