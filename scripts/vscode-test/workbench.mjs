// Opens the VS Code workbench served by code-server in headless Debian chromium
// (playwright-core), with VS Code's own automation hooks: the workbench sends
// everything it logs (the extension host's console, so mocha's reporter too) to
// window.codeAutomationLog, and calls window.codeAutomationExit(code) when the
// extension tests' run() settles (0 resolved, 1 rejected).
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { installDir } from './install.mjs';

const require = createRequire(path.join(installDir, 'package.json'));

// Start-up chatter of the workbench, hidden unless MSS_VSCODE_VERBOSE=1.
const NOISE = [/^Resolving connection token/, /^Resolved connection token/, /^Creating a socket/,
  /^Ignoring fetching additional builtin extensions/, /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/, /^ChatSessionStore:/, /Extension gallery is not enabled/i];

/**
 * A second window of the same workbench (same folder and extension, same user data, so the same
 * global storage), without the tests: the payload's extensionTestsPath is left out.
 */
function secondWindowUrl(url) {
  const u = new URL(url);
  const payload = JSON.parse(u.searchParams.get('payload') || '[]').filter(([k]) => k !== 'extensionTestsPath');
  u.searchParams.set('payload', JSON.stringify(payload));
  return u.toString();
}

async function uiRequest(pages, req) {
  if (req.op === 'openWindow') {
    const second = await pages[0].context().newPage();
    second.on('pageerror', (e) => process.stderr.write(`[vscode-test] page error (window ${pages.length}): ${e.message}\n`));
    await second.goto(secondWindowUrl(pages[0].url()));
    pages.push(second);
    return pages.length - 1;
  }
  const page = pages[req.window ?? 0];
  if (!page) throw new Error(`no window ${req.window}`);
  switch (req.op) {
    case 'closeWindow':
      if ((req.window ?? 0) === 0) throw new Error('the tests\' own window cannot be closed');
      await page.close();
      pages.splice(req.window, 1);
      return true;
    case 'click': {
      // button 'right' opens a context menu, as a right click of the admin's does.
      const loc = page.locator(req.selector).nth(req.nth ?? 0);
      await loc.click({ timeout: req.timeout ?? 10_000, button: req.button ?? 'left' });
      return true;
    }
    case 'query':
      return page.$$eval(req.selector, (els) => els.map((e) => ({
        text: (e.textContent || '').trim(),
        className: typeof e.className === 'string' ? e.className : '',
        ariaLabel: e.getAttribute('aria-label'),
        ariaChecked: e.getAttribute('aria-checked'),
        value: 'value' in e ? e.value : undefined,
      })));
    case 'hover': {
      const loc = page.locator(req.selector).nth(req.nth ?? 0);
      await loc.hover({ timeout: req.timeout ?? 10_000 });
      return true;
    }
    case 'drag': {
      // Drags from the middle of the right edge of the element by dx pixels (a sash beside it).
      const box = await page.locator(req.selector).nth(req.nth ?? 0).boundingBox();
      if (!box) throw new Error(`${req.selector} is not visible`);
      const x = box.x + box.width - 1;
      const y = box.y + box.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + req.dx, y, { steps: 5 });
      await page.mouse.up();
      await page.mouse.move(x + req.dx + 300, y);  // off the sash, which stays highlighted under the mouse
      return true;
    }
    case 'frameText': {
      // The text of every frame but the workbench (webviews: walkthrough media, previews).
      const texts = [];
      for (const frame of page.frames()) {
        if (frame === page.mainFrame()) continue;
        /* global document -- the function runs in the frame, in the browser */
        texts.push(await frame.evaluate(() => (document.body ? document.body.innerText : '')).catch(() => ''));
      }
      return texts;
    }
    case 'mark':
      // Tags the matches; a query of `${selector}[data-mss-mark]` later finds them only if they were not re-rendered.
      return page.$$eval(req.selector, (els) => { els.forEach((e) => { e.setAttribute('data-mss-mark', '1'); }); return els.length; });
    case 'press':
      await page.keyboard.press(req.key);
      return true;
    case 'type':
      await page.keyboard.type(req.text);
      return true;
    case 'html':
      return page.$$eval(req.selector, (els) => els.map((e) => e.outerHTML));
    case 'screenshot':
      await page.screenshot({ path: req.path });
      return req.path;
    default:
      throw new Error(`unknown UI request ${req.op}`);
  }
}

export async function openBrowser({ profileDir, width = 1400, height = 900, onLog }) {
  const { chromium } = require('playwright-core');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.MSS_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    // No background networking: this machine's network is closed and chromium
    // would otherwise keep trying Google's hosts.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width, height },
  });
  const page = context.pages()[0] || (await context.newPage());
  let exitHandler = () => {};
  const verbose = process.env.MSS_VSCODE_VERBOSE === '1';
  await page.exposeFunction('codeAutomationLog', (level, args) => {
    const line = util.format(...(Array.isArray(args) ? args : [args]));
    if (!verbose && level === 'info' && NOISE.some((re) => re.test(line))) return;
    (onLog || ((l, s) => process.stdout.write((l === 'info' ? '' : `[${l}] `) + s + '\n')))(level, line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => exitHandler(code));
  page.on('pageerror', (e) => process.stderr.write(`[vscode-test] page error: ${e.message}\n`));
  return {
    context,
    page,
    /** Loads the workbench at url and resolves with the exit code the tests report, or 'timeout'. */
    async runUntilExit(url, timeoutMs) {
      const exited = new Promise((resolve) => { exitHandler = resolve; });
      // A clean page first: VS Code's web window keeps state across a navigation within its own origin.
      await page.goto('about:blank');
      await page.goto(url);
      let timer;
      const timedOut = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs); });
      const code = await Promise.race([exited, timedOut]);
      clearTimeout(timer);
      return code;
    },
    /**
     * Serves UI requests from the tests in the extension host, which cannot
     * click the workbench themselves: they write req-N.json into dir and wait
     * for res-N.json. Returns a function that stops serving.
     */
    serveUiRequests(dir) {
      fs.mkdirSync(dir, { recursive: true });
      let stopped = false;
      // The tests' window first; a test may open more (op openWindow) and must close them.
      const pages = [page];
      const loop = async () => {
        while (!stopped) {
          for (const name of fs.readdirSync(dir).filter((n) => /^req-\d+\.json$/.test(n))) {
            const file = path.join(dir, name);
            let res;
            try {
              const req = JSON.parse(fs.readFileSync(file, 'utf8'));
              res = { ok: true, value: await uiRequest(pages, req) };
            } catch (e) {
              res = { ok: false, error: String(e && e.message ? e.message : e) };
            }
            fs.rmSync(file, { force: true });
            const out = path.join(dir, name.replace('req-', 'res-'));
            fs.writeFileSync(out + '.tmp', JSON.stringify(res));
            fs.renameSync(out + '.tmp', out);
          }
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      void loop();
      return () => {
        stopped = true;
        for (const p of pages.slice(1)) void p.close().catch(() => {});
      };
    },
    close: () => context.close().catch(() => {}),
  };
}
