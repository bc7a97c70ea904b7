// THE one resolver of sources: turns a source id (see ./catalogue) into a reference to
// show. The walkthrough generator, the error explainer and the update-XML hover all render
// their sources through it, so a page is named and linked the same way everywhere.
// Pure: no `vscode` import.

import { EVENT_PAGES, FIELD_REPORT_TITLES, INFERENCE_TITLES, MICROSOFT_PAGES } from './catalogue';

export { eventPage, fieldReport, inference, MOVE_PAGE } from './catalogue';

/** A source id: a Microsoft Learn path, an event page path, a report's https address or `inference/…`. */
export type SourceId = string;

export type ReferenceKind = 'microsoft' | 'community' | 'inference';

export interface Reference {
  id: SourceId;
  title: string;
  /** Absent for an inference. Always https://learn.microsoft.com/… for a Microsoft page. */
  url?: string;
  /** Microsoft documentation, a report from the field, or our own inference. */
  kind: ReferenceKind;
}

/** A reference to a Microsoft Learn page (it always has a url). */
export interface MicrosoftReference extends Reference {
  url: string;
  kind: 'microsoft';
}

const LEARN = 'https://learn.microsoft.com/en-us/';
const pages = new Map<string, string>(MICROSOFT_PAGES);
const events = new Set(EVENT_PAGES);

function microsoftTitle(id: string): string | undefined {
  const event = /^biztalk\/core\/single-sign-on-event-(\d{5})$/.exec(id);
  if (event && events.has(Number(event[1]))) {
    return `Single Sign-On: Event ${event[1]}`;
  }
  return pages.get(id);
}

/** The reference for a source id, or undefined when the id is not known. */
export function findSource(id: SourceId): Reference | undefined {
  const title = microsoftTitle(id);
  if (title !== undefined) {
    return { id, title, url: LEARN + id, kind: 'microsoft' };
  }
  if (Object.hasOwn(FIELD_REPORT_TITLES, id)) {
    return { id, title: FIELD_REPORT_TITLES[id], url: id, kind: 'community' };
  }
  if (Object.hasOwn(INFERENCE_TITLES, id)) {
    return { id, title: INFERENCE_TITLES[id], kind: 'inference' };
  }
  return undefined;
}

/** The reference for a source id; throws on an unknown id (a typo in the data). */
export function resolveSource(id: SourceId): Reference {
  const ref = findSource(id);
  if (!ref) {
    throw new Error(`Unknown source id: ${id}`);
  }
  return ref;
}

/** The reference for the id of a Microsoft Learn page; throws when it is not one. */
export function microsoftPage(id: SourceId): MicrosoftReference {
  const ref = resolveSource(id);
  if (ref.kind !== 'microsoft' || ref.url === undefined) {
    throw new Error(`Not a Microsoft page: ${id}`);
  }
  return { ...ref, url: ref.url, kind: 'microsoft' };
}

/** Every id the resolver knows. */
export function knownSourceIds(): SourceId[] {
  return [
    ...MICROSOFT_PAGES.map(([path]) => path),
    ...EVENT_PAGES.map((id) => `biztalk/core/single-sign-on-event-${id}`),
    ...Object.keys(FIELD_REPORT_TITLES),
    ...Object.keys(INFERENCE_TITLES),
  ];
}

/** `[Title](url)`, or the title alone when there is no url. */
export function markdownLink(ref: Reference): string {
  const title = ref.title.replace(/([[\]\\])/g, '\\$1');
  return ref.url ? `[${title}](${ref.url})` : title;
}

/**
 * One line for a list of sources: a Microsoft page as its link, a community report and an
 * inference said as such.
 */
export function describeSource(ref: Reference): string {
  switch (ref.kind) {
    case 'microsoft':
      return markdownLink(ref);
    case 'community':
      return `Community report (not Microsoft documentation): ${markdownLink(ref)}`;
    case 'inference':
      return `Our inference: ${ref.title}`;
  }
}

/** The references of a list of ids, in order, without repeats. */
export function resolveSources(ids: readonly SourceId[]): Reference[] {
  return [...new Set(ids)].map(resolveSource);
}
