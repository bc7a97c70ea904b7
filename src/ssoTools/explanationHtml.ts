// The page of the Explain view: one explanation (src/ssoTools/errors.ts) as a small HTML
// document for a webview, its sources as links to their pages. Pure: no `vscode` import.
// The webview runs no script; its Content-Security-Policy allows only the inline style.
import type { ErrorExplanation } from './errors';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * The inline Markdown the catalogue uses (`code`, **bold**, *emphasis*, [text](https://…))
 * as HTML; everything else is escaped. Only https links become links.
 */
export function inlineMarkdownToHtml(markdown: string): string {
  const out: string[] = [];
  // Code spans first: nothing inside them is Markdown.
  for (const [i, part] of markdown.split(/(`[^`]*`)/).entries()) {
    if (i % 2 === 1) {
      out.push(`<code>${escapeHtml(part.slice(1, -1))}</code>`);
      continue;
    }
    let html = '';
    let rest = part;
    const link = /\[((?:\\.|[^\]\\])*)\]\((https:\/\/[^\s)]+)\)/;
    for (let m = link.exec(rest); m; m = link.exec(rest)) {
      html += emphasis(escapeHtml(rest.slice(0, m.index)));
      html += `<a href="${escapeHtml(m[2])}">${emphasis(escapeHtml(m[1].replace(/\\(.)/g, '$1')))}</a>`;
      rest = rest.slice(m.index + m[0].length);
    }
    out.push(html + emphasis(escapeHtml(rest)));
  }
  return out.join('');
}

function emphasis(html: string): string {
  return html.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>').replace(/(^|[^*\w])\*([^*\s][^*]*)\*(?!\w)/g, '$1<em>$2</em>');
}

const KIND_LABEL = { microsoft: 'Microsoft documentation', community: 'Community report (not Microsoft documentation)', inference: 'Our inference' } as const;

/** The whole page of the Explain view for one explanation. */
export function explanationHtml(e: ErrorExplanation): string {
  const refs = e.references
    .map((r) => `<li>${r.url ? `<a href="${escapeHtml(r.url)}">${escapeHtml(r.title)}</a>` : escapeHtml(r.title)} <span class="kind">${KIND_LABEL[r.kind]}</span></li>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(e.title)}</title>
<style>
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); line-height: 1.5; max-width: 50em; padding: 0 1.5em 1.5em; }
h1 { font-size: 1.4em; font-weight: 600; }
h2 { font-size: 1.05em; font-weight: 600; margin-bottom: 0.2em; }
p { margin-top: 0.2em; }
code { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 0 0.2em; }
a { color: var(--vscode-textLink-foreground); }
.kind { color: var(--vscode-descriptionForeground); font-size: 0.9em; }
.source { color: var(--vscode-descriptionForeground); }
</style>
</head>
<body>
<h1>${escapeHtml(e.title)}</h1>
<h2>Meaning</h2>
<p>${inlineMarkdownToHtml(e.meaning)}</p>
<h2>Likely cause</h2>
<p>${inlineMarkdownToHtml(e.cause)}</p>
<h2>What to do</h2>
<p>${inlineMarkdownToHtml(e.fix)}</p>
<h2>Sources</h2>
<ul>
${refs}
</ul>
<p class="source">${inlineMarkdownToHtml(e.source)}</p>
</body>
</html>
`;
}
