// Writes the diagnostic-code table of README.md (between the rules:start and rules:end
// markers) and docs/update-xml-rules.md from src/updateXml/rules.ts (the codes' one source).
//
//   npx tsc -p tsconfig.json && node out/scripts/gen-rules-table.js [--check] [--root DIR]
//
// README.md is edited by others too, so only the text between the markers is replaced, at the
// moment this runs. --check writes nothing and exits 1 when anything is out of date.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findRulesDrift, README_PATH, renderRulesDoc, RULES_DOC_PATH, withRulesTable } from '../src/updateXml/rulesDoc';
import { readText, repositoryRoot } from './generatorFiles';

function main(argv: string[]): number {
  const root = repositoryRoot(argv, __dirname);

  if (argv.includes('--check')) {
    const drift = findRulesDrift((path) => readText(join(root, path)));
    for (const line of drift) {
      console.error(line);
    }
    console.log(drift.length ? 'rules tables are out of date: run node out/scripts/gen-rules-table.js' : 'rules tables are up to date');
    return drift.length ? 1 : 0;
  }

  const written: string[] = [];
  const readmePath = join(root, README_PATH);
  const readme = readText(readmePath);
  if (readme === undefined) {
    console.error(`${README_PATH} not found in ${root}`);
    return 1;
  }
  let newReadme: string;
  try {
    newReadme = withRulesTable(readme);
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  if (newReadme !== readme) {
    writeFileSync(readmePath, newReadme, 'utf8');
    written.push(README_PATH);
  }
  const docPath = join(root, RULES_DOC_PATH);
  const doc = renderRulesDoc();
  if (readText(docPath) !== doc) {
    mkdirSync(dirname(docPath), { recursive: true });
    writeFileSync(docPath, doc, 'utf8');
    written.push(RULES_DOC_PATH);
  }
  console.log(`rules tables: ${written.length ? `wrote ${written.join(', ')}` : 'up to date'}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
