// Problems for update XML files (the files read by `ssomanage -updatedb`), from the pure core.
// Only documents the core recognises as update files are checked: other XML is left alone.
// Checked on open, on change and on demand; cleared when the document (or the last editor tab
// showing it) closes. After an edit, a small file is checked on the next turn of the event loop
// and a big one after a wait that grows with its size (debounce.ts).
// Also keeps the context key `mss.isUpdateXml` in step with the active editor (editor/title menu).
import * as vscode from 'vscode';
import { isUpdateXmlDocument, validateUpdateXml, type UpdateXmlDiagnostic } from '../../updateXml';
import { debounceMs } from './debounce';

export const DIAGNOSTIC_SOURCE = 'mss';
export const IS_UPDATE_XML_CONTEXT = 'mss.isUpdateXml';

/**
 * Where the providers are registered: .xml files open as "xml" when an XML language extension
 * is present and as plain text otherwise; untitled XML documents are "xml". Each provider
 * then acts only on update XML files (isUpdateXml).
 */
export const UPDATE_XML_SELECTOR: vscode.DocumentSelector = [{ language: 'xml' }, { pattern: '**/*.xml' }];

const severities: Record<UpdateXmlDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

export function toRange(r: UpdateXmlDiagnostic['range']): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function toDiagnostic(d: UpdateXmlDiagnostic): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(d.range), d.message, severities[d.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = d.code;
  return diagnostic;
}

/** Schemes whose documents are files an admin edits (not git views, output, settings…). */
const EDITABLE_SCHEMES = new Set(['file', 'untitled', 'vscode-remote']);

/** True when `document` is an update XML file that this extension checks. */
export function isUpdateXml(document: vscode.TextDocument): boolean {
  if (!EDITABLE_SCHEMES.has(document.uri.scheme)) return false;
  // .xml files may open as "xml" or (without an XML language extension) as plain text.
  if (document.languageId !== 'xml' && !/\.xml$/i.test(document.fileName)) return false;
  return isUpdateXmlDocument(document.fileName, document.getText());
}

function tabUri(tab: vscode.Tab): vscode.Uri | undefined {
  return tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
}

export class UpdateXmlDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The core's answer for the text of each checked document version (quick fixes read it). */
  private readonly results = new Map<string, { version: number; diagnostics: UpdateXmlDiagnostic[] }>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after the problems of a document were replaced (code lenses show the counts). */
  readonly onDidUpdate = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private lastContext: boolean | undefined;

  constructor(private readonly log?: vscode.LogOutputChannel) {
    this.subscriptions = [
      this.collection,
      this.changed,
      vscode.workspace.onDidOpenTextDocument((d) => { this.validateNow(d); }),
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length > 0) this.schedule(e.document); }),
      // A rename to or from NewMSSServer.xml, or a language change, closes and reopens the document.
      vscode.workspace.onDidCloseTextDocument((d) => { this.forget(d.uri); }),
      // VS Code keeps a document open for minutes after its editor closes when an extension opened
      // it, so closing the last tab of a file also takes its problems away; opening one brings them back.
      vscode.window.tabGroups.onDidChangeTabs((e) => { this.followTabs(e); }),
      vscode.window.onDidChangeActiveTextEditor(() => { this.updateContext(); }),
    ];
    // The documents open at activation are checked on the next turn of the event loop, after
    // activate() has returned (activation registers, nothing more: BENCHMARKS.md).
    this.initial = setTimeout(() => {
      this.initial = undefined;
      for (const d of vscode.workspace.textDocuments) if (!this.results.has(d.uri.toString())) this.validateNow(d);
      this.updateContext();
    }, 0);
  }

  private initial: ReturnType<typeof setTimeout> | undefined;
  /** How many times each document was validated (the tests check that a burst of edits validates once). */
  private readonly counts = new Map<string, number>();

  /** How many times the document at `uri` was validated in this window. */
  validations(uri: vscode.Uri): number {
    return this.counts.get(uri.toString()) ?? 0;
  }

  /**
   * Checks `document` at once and publishes its problems. Returns the core's diagnostics, or
   * undefined when the document is not an update XML file (its mss problems are then removed).
   */
  validateNow(document: vscode.TextDocument): UpdateXmlDiagnostic[] | undefined {
    const key = document.uri.toString();
    this.cancel(key);
    if (!isUpdateXml(document)) {
      if (this.results.delete(key) || this.collection.has(document.uri)) {
        this.collection.delete(document.uri);
        this.changed.fire(document.uri);
      }
      if (document === vscode.window.activeTextEditor?.document) this.updateContext();
      return undefined;
    }
    const diagnostics = validateUpdateXml(document.getText());
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.results.set(key, { version: document.version, diagnostics });
    this.collection.set(document.uri, diagnostics.map(toDiagnostic));
    this.changed.fire(document.uri);
    if (document === vscode.window.activeTextEditor?.document) this.updateContext();
    return diagnostics;
  }

  /**
   * The core's diagnostics for the current text of `document` (with their quick fixes), or
   * undefined for a document that is not an update XML file.
   */
  current(document: vscode.TextDocument): UpdateXmlDiagnostic[] | undefined {
    const cached = this.results.get(document.uri.toString());
    if (cached && cached.version === document.version) return cached.diagnostics;
    return this.validateNow(document);
  }

  private followTabs(e: vscode.TabChangeEvent): void {
    const shown = new Set(vscode.window.tabGroups.all.flatMap((g) => g.tabs).map(tabUri).filter((u) => u !== undefined).map((u) => u.toString()));
    for (const tab of e.closed) {
      const uri = tabUri(tab);
      if (uri && !shown.has(uri.toString())) this.forget(uri);
    }
    for (const tab of e.opened) {
      const key = tabUri(tab)?.toString();
      const document = key === undefined ? undefined : vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (document && !this.results.has(key!)) this.validateNow(document);
    }
  }

  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.cancel(key);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      // The document may have been closed meanwhile.
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (open) this.validateNow(open);
    }, debounceMs(document.offsetAt(document.lineAt(document.lineCount - 1).range.end))));
  }

  private cancel(key: string): void {
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.cancel(key);
    this.results.delete(key);
    if (this.collection.has(uri)) {
      this.collection.delete(uri);
      this.changed.fire(uri);
    }
  }

  private updateContext(): void {
    const document = vscode.window.activeTextEditor?.document;
    const value = document ? this.results.has(document.uri.toString()) : false;
    if (value === this.lastContext) return;
    this.lastContext = value;
    void vscode.commands.executeCommand('setContext', IS_UPDATE_XML_CONTEXT, value).then(undefined, (e: unknown) => {
      this.log?.warn(`could not set ${IS_UPDATE_XML_CONTEXT}: ${String(e)}`);
    });
  }

  dispose(): void {
    if (this.initial) clearTimeout(this.initial);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const s of this.subscriptions) s.dispose();
  }
}
