// The backend of `mss.explainError`: what an ENTSSO event number, HRESULT or
// message means for an admin moving the master secret server. Pure: no
// `vscode` import.
//
// The catalogue itself is data, in ./data/events.ts; this file finds the entry that
// input names and words the explanation. Its sources are rendered by src/sources.

import { describeSource, inference, markdownLink, resolveSource, resolveSources, type Reference } from '../sources';
import { CATALOGUE, type CatalogueEntry as Entry } from './data/events';
import { normaliseHresult } from './output';

export interface ErrorExplanation {
  /** e.g. `10766 ENTSSO_E_NOT_SECRET_SERVER (0xC0002A0E)`. */
  title: string;
  /** The message, verbatim. */
  meaning: string;
  /** Why it happens, in the context of the move. */
  cause: string;
  /** What to do. */
  fix: string;
  /** Where this comes from, as Markdown: links to the Microsoft pages, community reports, inferences. */
  source: string;
  /** The same sources as references (Microsoft pages first, in the order cited). */
  references: Reference[];
}

/** The HRESULT of an entry: explicit, or 0xC0000000 + event id for an ENTSSO error. */
function hresultOf(e: Pick<Entry, 'id' | 'hresult' | 'pairing'>): string | undefined {
  if (e.hresult !== undefined) {
    return e.hresult;
  }
  if (e.pairing === undefined || e.id === undefined) {
    return undefined;
  }
  return `0x${(0xc0000000 + e.id).toString(16).toUpperCase().padStart(8, '0')}`;
}

function referencesOf(e: Entry): Reference[] {
  const ids = [...e.sources];
  if (typeof e.pairing === 'object') {
    ids.push(e.pairing.source);
  }
  if (e.pairing !== undefined) {
    ids.push(inference.hresultRule);
  }
  if (e.messageQuotedIn !== undefined) {
    ids.push(e.messageQuotedIn);
  }
  const refs = resolveSources(ids);
  return [...refs.filter((r) => r.kind === 'microsoft'), ...refs.filter((r) => r.kind !== 'microsoft')];
}

function sourceOf(e: Entry): string {
  const cited = resolveSources(e.sources);
  const docs = cited.filter((r) => r.kind === 'microsoft');
  const parts: string[] = [];
  if (docs.length) {
    parts.push(`Microsoft documentation: ${docs.map(markdownLink).join('; ')}`);
  }
  parts.push(...cited.filter((r) => r.kind !== 'microsoft').map(describeSource));
  const hresult = hresultOf(e);
  if (typeof e.pairing === 'object') {
    parts.push(
      `HRESULT ${hresult} is event ${e.id}: seen together ${e.pairing.seen} (${markdownLink(resolveSource(e.pairing.source))}); ` +
        'the general rule HRESULT = 0xC0000000 + event id is our inference, not stated by Microsoft',
    );
  } else if (e.pairing === 'inferred') {
    parts.push(`HRESULT ${hresult} is event ${e.id}: inferred from the rule HRESULT = 0xC0000000 + event id (seen in two codes), not stated by Microsoft`);
  }
  if (e.messageQuotedIn !== undefined) {
    parts.push(`Message text for ${hresult} as quoted in ${markdownLink(resolveSource(e.messageQuotedIn))}`);
  }
  return parts.join('. ');
}

function explain(e: Entry): ErrorExplanation {
  const hresult = hresultOf(e);
  const head = e.id !== undefined ? String(e.id) : (hresult ?? '');
  const title = [head, e.symbol, e.id !== undefined && hresult ? `(${hresult})` : undefined].filter(Boolean).join(' ');
  return { title, meaning: e.message, cause: e.cause, fix: e.fix, source: sourceOf(e), references: referencesOf(e) };
}

/** Lower-case words only: punctuation, quotes and dashes ignored, so pasted text matches. */
function words(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Parts of a message between parameters ('%1') and trimmed text ('…'), as words. */
function fragments(e: Entry): string[] {
  const texts = e.verbatim === false ? [] : [e.message];
  texts.push(...(e.alsoMatches ?? []));
  return texts.flatMap((t) => t.split(/%\d+|…|\.\.\./)).map(words).filter((f) => f.length >= 20);
}

const MIN_TEXT = 20;

function byText(text: string): Entry | undefined {
  const input = words(text);
  if (input.length < MIN_TEXT) {
    return undefined;
  }
  let best: { entry: Entry; score: number } | undefined;
  for (const entry of CATALOGUE) {
    for (const fragment of fragments(entry)) {
      // The message (part) inside the pasted text, or a pasted part of the message.
      const score = input.includes(fragment) ? fragment.length : fragment.includes(input) ? input.length : 0;
      if (score > (best?.score ?? 0)) {
        best = { entry, score };
      }
    }
  }
  return best?.entry;
}

/**
 * ENTSSO prints its events as HRESULT-like codes too: errors as 0xC0000000 + id, warnings as
 * 0x80000000 + id (a real 10532 carries 10520 as 0x80002918) and informational events as
 * 0x40000000 + id. The severity bits of such a code, when its low 16 bits are a catalogued event.
 */
const SEVERITY_BITS: Readonly<Record<string, string>> = { '8': 'a warning', '4': 'an informational event' };

function byEventCode(h: string): { entry: Entry; severity: string } | undefined {
  const m = /^0x([48])000([0-9A-F]{4})$/.exec(h);
  if (!m) return undefined;
  const entry = byId(parseInt(m[2], 16));
  return entry ? { entry, severity: SEVERITY_BITS[m[1]] } : undefined;
}

function byHresult(code: string): Entry | undefined {
  const h = normaliseHresult(code);
  return CATALOGUE.find((e) => hresultOf(e) === h) ?? byEventCode(h)?.entry;
}

/** The explanation of a code found by its severity bits, saying how the code relates to the event. */
function explainCode(code: string, e: Entry): ErrorExplanation {
  const h = normaliseHresult(code);
  const found = byEventCode(h);
  const result = explain(e);
  if (!found || hresultOf(e) === h) return result;
  result.title = `${result.title} (as ${h})`;
  result.source += `. ${h} is event ${e.id} printed as ${found.severity}: 0x${found.severity === 'a warning' ? '8' : '4'}0000000 + ${e.id} (a real 10532 event carries 10520 as 0x80002918); our reading, not stated by Microsoft`;
  return result;
}

function byId(id: number): Entry | undefined {
  return CATALOGUE.find((e) => e.id === id);
}

/**
 * Explains an HRESULT (`0xC0002A0F`, any case, `0x` optional), an ENTSSO event
 * number (`10766`, `Event ID: 10766`) or message text (a pasted event-log entry
 * or `ERROR: 0x... : ...` line). In text, codes are looked for first – ENTSSO
 * codes (0xC0002Axx, a labelled event id) before Win32/RPC/MSDTC codes – then the
 * distinctive message text, then a bare event number. Unknown → undefined.
 */
export function explainError(text: string): ErrorExplanation | undefined {
  if (typeof text !== 'string') {
    return undefined;
  }
  const t = text.trim();
  if (t === '') {
    return undefined;
  }
  // The whole input is one code.
  if (/^(?:0x)?[0-9a-f]{8}$/i.test(t)) {
    const e = byHresult(t);
    return e && explainCode(t, e);
  }
  const bareId = /^(?:event\s*(?:id)?\s*[:#]?\s*)?(\d{4,5})$/i.exec(t);
  if (bareId) {
    const e = byId(Number(bareId[1]));
    return e && explain(e);
  }
  // Codes inside text: ENTSSO first, then the others, each in order of appearance.
  const hexes = [...t.matchAll(/\b0x([0-9a-f]{8})\b/gi)].map((m) => byHresult(m[1])).filter((e): e is Entry => e !== undefined);
  const labelled = [...t.matchAll(/\b(?:event\s*id|event|id)\s*[:#]?\s*(\d{5})\b/gi)].map((m) => byId(Number(m[1]))).filter((e): e is Entry => e !== undefined);
  const entsso = [...hexes.filter((e) => e.id !== undefined), ...labelled];
  const found = entsso[0] ?? hexes[0] ?? byText(t)
    ?? [...t.matchAll(/\b(1[01]\d{3})\b/g)].map((m) => byId(Number(m[1]))).find((e) => e !== undefined);
  if (!found) {
    return undefined;
  }
  const result = explain(found);
  const others = [...new Set([...entsso, ...hexes])].filter((e) => e !== found);
  if (others.length) {
    result.cause += ` Also in the text: ${others.map((e) => explain(e).title).join(', ')} – explain it on its own for details.`;
  }
  return result;
}

/** Every catalogued explanation (for hovers, docs and tests). */
export function allExplanations(): ErrorExplanation[] {
  return CATALOGUE.map(explain);
}

/** Codes known to the explainer: event ids and HRESULTs. */
export function knownCodes(): { ids: number[]; hresults: string[] } {
  return {
    ids: CATALOGUE.flatMap((e) => (e.id === undefined ? [] : [e.id])),
    hresults: CATALOGUE.flatMap((e) => {
      const h = hresultOf(e);
      return h === undefined ? [] : [h];
    }),
  };
}
