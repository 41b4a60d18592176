import * as fs from 'fs';
import * as path from 'path';

/**
 * docs/deploy-semantics.md lists every runtime fact a construct relies on, its AWS source and the
 * test that holds it. This keeps the page honest: every row names a test that exists, under the
 * name given, so a renamed or deleted test cannot leave a fact unguarded without failing here.
 */
const ROOT = path.join(__dirname, '..', '..');
const PAGE = path.join(ROOT, 'docs', 'deploy-semantics.md');

interface FactRow {
  readonly fact: string;
  readonly source: string;
  readonly testFile: string;
  readonly testName: string;
}

/** Rows look like `| fact | [title](https://docs.aws.amazon.com/...) | `test/x.test.ts` › "test name (or its beginning)" |`. */
function readRows(markdown: string): FactRow[] {
  return markdown.split('\n')
    .filter((line) => line.startsWith('| ') && line.includes('›'))
    .map((line) => {
      const cells = line.split(' | ').map((cell) => cell.replace(/^\| ?| ?\|$/g, '').trim());
      const held = /^`([^`]+)` › "(.+)"$/.exec(cells[cells.length - 1]);
      if (!held) throw new Error(`docs/deploy-semantics.md: cannot read the test of row: ${line}`);
      return { fact: cells[0], source: cells[cells.length - 2], testFile: held[1], testName: held[2].replace(/\\"/g, '"') };
    });
}

describe('docs/deploy-semantics.md', () => {
  const rows = readRows(fs.readFileSync(PAGE, 'utf8'));

  test('lists facts', () => {
    expect(rows.length).toBeGreaterThanOrEqual(20);
  });

  test.each(rows.map((row) => [row.testFile, row.testName, row] as const))('%s holds "%s"', (file, name, row) => {
    expect(row.source).toMatch(/\]\(https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com|github\.com)\//);
    // Test names are written in single quotes, so an apostrophe appears escaped in the source.
    const source = fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/\\'/g, "'");
    // The cell holds the test name, or its beginning when the name is long or concatenated.
    expect(source).toContain(name);
  });
});
