import * as assert from 'node:assert/strict';
import { completionsAt, globalInfoElements, hoverAt, LineIndex, type Position } from '../../../src/updateXml';

/** Splits "text with | cursor" into the text and the cursor position. */
function cursor(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, position: new LineIndex(text).positionAt(offset) };
}

function labels(marked: string): string[] {
  const { text, position } = cursor(marked);
  return completionsAt(text, position).map((c) => c.label);
}

const ALL = globalInfoElements.map((e) => e.name);

describe('completionsAt', () => {
  it('offers sso in an empty file, with the whole element as insert text', () => {
    const { text, position } = cursor('|');
    const items = completionsAt(text, position);
    assert.deepEqual(items.map((c) => c.label), ['sso']);
    assert.equal(items[0].insertText, '<sso></sso>');
  });

  it('offers globalInfo inside sso, and nothing once it exists', () => {
    assert.deepEqual(labels('<sso>\n  |\n</sso>'), ['globalInfo']);
    assert.deepEqual(labels('<sso>\n  <globalInfo></globalInfo>\n  |\n</sso>'), []);
  });

  it('offers all eight settings in schema order inside an empty globalInfo', () => {
    assert.deepEqual(labels('<sso>\n  <globalInfo>\n    |\n  </globalInfo>\n</sso>'), ALL);
  });

  it('leaves out settings already present before or after the cursor', () => {
    const got = labels('<sso><globalInfo><ssoAdminAccount>A\\B</ssoAdminAccount>|<ticketTimeout>5</ticketTimeout></globalInfo></sso>');
    assert.deepEqual(got, ALL.filter((n) => n !== 'ssoAdminAccount' && n !== 'ticketTimeout'));
  });

  it('inserts only the name when the cursor follows "<" (with or without a partial name)', () => {
    for (const marked of ['<sso><globalInfo><|</globalInfo></sso>', '<sso><globalInfo>\n  <sec|\n</globalInfo></sso>']) {
      const { text, position } = cursor(marked);
      const items = completionsAt(text, position);
      assert.deepEqual(items.map((c) => c.label), ALL, marked);
      const server = items.find((c) => c.label === 'secretServer')!;
      assert.equal(server.insertText, 'secretServer');
      assert.match(server.documentation, /master secret server/);
      assert.match(server.detail, /computer name/);
    }
  });

  it('treats the doc typo globalnfo as globalInfo', () => {
    assert.deepEqual(labels('<sso><globalnfo><secretServer>A</secretServer>|</globalnfo></sso>'), ALL.filter((n) => n !== 'secretServer'));
  });

  it('offers nothing inside a value, a comment, an end tag or attributes', () => {
    assert.deepEqual(labels('<sso><globalInfo><secretServer>|</secretServer></globalInfo></sso>'), []);
    assert.deepEqual(labels('<sso><globalInfo><!-- | --></globalInfo></sso>'), []);
    assert.deepEqual(labels('<sso><globalInfo></glob|</sso>'), []);
    assert.deepEqual(labels('<sso><globalInfo a="|"></globalInfo></sso>'), []);
  });

  it('offers nothing after the root element is closed', () => {
    assert.deepEqual(labels('<sso><globalInfo></globalInfo></sso>\n|'), []);
  });
});

describe('hoverAt', () => {
  function hover(marked: string) {
    const { text, position } = cursor(marked);
    return hoverAt(text, position);
  }

  it('describes a setting on its start tag: meaning, type, range, default, source', () => {
    const h = hover('<sso><globalInfo><ticket|Timeout>5</ticketTimeout></globalInfo></sso>')!;
    assert.deepEqual(h.range, { start: { line: 0, character: 18 }, end: { line: 0, character: 31 } });
    assert.match(h.markdown, /tickets stay valid/);
    assert.match(h.markdown, /\| Type \| integer, minutes \|/);
    assert.match(h.markdown, /1 to 525600/);
    assert.match(h.markdown, /\| Default \| 2 \|/);
    assert.match(h.markdown, /how-to-display-the-sso-database-information/);
  });

  it('works on end tags and on the containers', () => {
    const h = hover('<sso><globalInfo><secretServer>A</secret|Server></globalInfo></sso>')!;
    assert.match(h.markdown, /master secret server/);
    assert.deepEqual(h.range.start, { line: 0, character: 34 });
    assert.match(hover('<s|so></sso>')!.markdown, /Document element/);
    assert.match(hover('<sso><global|Info/></sso>')!.markdown, /global\) settings/);
  });

  it('explains the doc typo and near misses', () => {
    assert.match(hover('<sso><global|nfo/></sso>')!.markdown, /typo copied from the SSO docs/);
    assert.match(hover('<sso><globalInfo><Secret|Server/></globalInfo></sso>')!.markdown, /did you mean `<secretServer>`/);
  });

  it('gives nothing on values, unknown names or outside tags', () => {
    assert.equal(hover('<sso><globalInfo><secretServer>BTS|01</secretServer></globalInfo></sso>'), undefined);
    assert.equal(hover('<sso><globalInfo><fo|o/></globalInfo></sso>'), undefined);
    assert.equal(hover('<sso> | </sso>'), undefined);
  });
});
