// `npm start`: a local VS Code 1.100.3 (code-server, 127.0.0.1 only) with the
// extension loaded from this folder and the walkthrough open. Prints the URL;
// Ctrl+C stops it. Env: MSS_START_FOLDER (folder to open; default a demo
// workspace in the cache with a NewMSSServer.xml), MSS_START_PORT.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheRoot, ensureInstalled, VSCODE_VERSION } from './install.mjs';
import { startServer } from './server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
if (!fs.existsSync(path.join(root, 'dist', 'extension.js'))) {
  console.error('dist/extension.js is missing: run "npm start" (it builds first).');
  process.exit(2);
}
ensureInstalled();
let folder = process.env.MSS_START_FOLDER;
if (!folder) {
  folder = path.join(cacheRoot, 'demo-workspace');
  fs.mkdirSync(folder, { recursive: true });
  if (!fs.existsSync(path.join(folder, 'NewMSSServer.xml'))) fs.cpSync(path.join(root, 'test', 'fixtures', 'workspace', 'NewMSSServer.xml'), path.join(folder, 'NewMSSServer.xml'));
}
const server = await startServer({ env: { MSS_OPEN_WALKTHROUGH: process.env.MSS_OPEN_WALKTHROUGH || 'moveToServer' }, settings: { 'security.workspace.trust.enabled': false } });
const url = server.workbenchUrl(folder, [
  ['extensionDevelopmentPath', server.remote(root)],
  ['skipWelcome', 'true'],
  ['skipReleaseNotes', 'true'],
]);
console.log(`\nMaster Secret Mover is running in VS Code ${VSCODE_VERSION}. Open this address in a browser on this machine:\n\n  ${url}\n\nThe extension loads from ${root}; the window opens ${folder}.\nPress Ctrl+C to stop.\n`);
const stop = async () => { await server.stop(); process.exit(0); };
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
setInterval(() => {}, 1 << 30);
