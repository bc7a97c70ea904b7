// The validator against the W3C XML Conformance Test Suite (conformanceSuite.ts says which of its
// documents apply): the not-well-formed ones must be refused, the well-formed UTF-8 and UTF-16
// ones must not be refused for well-formedness. RELIABILITY.md quotes the figure this prints.
import * as assert from 'node:assert/strict';
import { applicableTests, conformanceFigure } from './conformanceSuite';

describe('W3C XML Conformance Test Suite', () => {
  it('has the documents it is measured on', () => {
    const tests = applicableTests();
    assert.ok(tests.filter((t) => t.type === 'not-wf').length >= 200, 'fewer applicable not-wf documents than expected');
    assert.ok(tests.filter((t) => t.type !== 'not-wf').length >= 50, 'fewer applicable well-formed documents than expected');
  });

  it('refuses at least 99.5% of the applicable not-well-formed documents and no well-formed UTF-8/UTF-16 one', () => {
    const f = conformanceFigure();
    console.log(
      `      W3C XML Conformance Test Suite: ${f.notWfRefused} of ${f.notWf} applicable not-well-formed documents refused; ${f.wellFormed - f.wrongRefusals.length} of ${f.wellFormed} well-formed UTF-8/UTF-16 documents accepted`,
    );
    assert.ok(f.notWfRefused / f.notWf >= 0.995, `not refused: ${f.missed.join(', ')}`);
    assert.deepEqual(f.wrongRefusals, []);
  });
});
