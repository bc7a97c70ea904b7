// Reading what ssomanage / ssoconfig print. Pure: no `vscode` import.
//
// The tools report failures as one line (docs/tools.md#error-output, with the field report it links):
//   ERROR: 0xC0002A0F : Could not contact the SSO server 'sso-cluster'. Check that ...
// sometimes followed by the underlying RPC error on the next line:
//   (RPC: 0x800706D9: There are no more endpoints available from the endpoint mapper.)

/**
 * Regexp source for one tool error line: the `regexp` of the problem pattern
 * `mss-entsso-error` in package.json (problem matchers take no flags, so case
 * is spelt out). Group 1: the word ERROR, group 2: the code (`0x` optional in
 * the text), group 3: the message.
 *
 * Group 1 exists because a VS Code problem pattern must name a file group, and
 * these lines name no file: the matcher files each problem under a resource
 * called ERROR in the task's workspace folder.
 * Tolerates leading blanks, `ERROR` in any case, blanks around the colons and
 * a missing space before the second colon.
 *
 * Linear in the line's length: the message is "anything that ends in a non-blank" (greedy, one
 * backtrack to the last non-blank), not a lazy `(.*?)\s*$`, which tries the blanks at the end once
 * for each character and took seconds on 40,000 blanks and hours on a 4 MiB line.
 */
export const ERROR_LINE_REGEXP = '^\\s*([Ee][Rr][Rr][Oo][Rr])\\s*:\\s*((?:0[xX])?[0-9A-Fa-f]{8})\\s*:\\s*((?:.*\\S)?)\\s*$';

/** The problem matcher's settings in package.json, kept here so a unit test can hold them together. */
export const PROBLEM_MATCHER = {
  patternName: 'mss-entsso-error',
  matcherName: 'mss-entsso',
  /** The same matcher for windows with no folder open, where `${workspaceFolder}` cannot be resolved. */
  noFolderMatcherName: 'mss-entsso-nofolder',
  owner: 'mss-entsso',
  source: 'ENTSSO',
} as const;

/** An `(RPC: 0x...: message)` line: the rest of the line is trimmed, and one closing `)` taken off, in code (linear, like ERROR_LINE_REGEXP). */
const RPC_LINE = /^\s*\(\s*RPC\s*:\s*((?:0x)?[0-9a-f]{8})\s*:?(.*)$/i;
const rpcMessage = (rest: string): string => {
  const trimmed = rest.trim();
  return (trimmed.endsWith(')') ? trimmed.slice(0, -1) : trimmed).trimEnd();
};

export interface ToolError {
  /** `0x` + 8 upper-case hex digits, e.g. `0xC0002A0F`. */
  hresult: string;
  /** The message; an `(RPC: ...)` line right after it is appended. */
  message: string;
  /** 0-based line number in `output` (as VS Code's diagnostics). */
  line: number;
  /** The RPC error code from a following `(RPC: 0x...: ...)` line, normalised like `hresult`. */
  rpcHresult?: string;
}

/** `0xC0002A0F` from `c0002a0f`, `0Xc0002a0f`, ... */
export function normaliseHresult(code: string): string {
  return `0x${code.replace(/^0x/i, '').toUpperCase()}`;
}

/** Every `ERROR: 0x........ : message` line in a tool's output, in order. */
export function findToolErrors(output: string): ToolError[] {
  const lineRe = new RegExp(ERROR_LINE_REGEXP);
  const lines = output.split(/\r\n|\r|\n/);
  const errors: ToolError[] = [];
  lines.forEach((text, line) => {
    const m = lineRe.exec(text);
    if (!m) {
      return;
    }
    const error: ToolError = { hresult: normaliseHresult(m[2]), message: m[3], line };
    const rpc = RPC_LINE.exec(lines[line + 1] ?? '');
    if (rpc) {
      error.rpcHresult = normaliseHresult(rpc[1]);
      error.message = `${error.message} (RPC: ${error.rpcHresult}: ${rpcMessage(rpc[2])})`.replace(/: \)$/, ')');
    }
    errors.push(error);
  });
  return errors;
}
