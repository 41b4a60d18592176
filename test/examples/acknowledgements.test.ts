import * as path from 'path';
import { readAcknowledgementTable, renderAcknowledgementTable } from '../../examples/compliance/acknowledgement-table';
import { synthExampleApp } from '../../examples/compliance/example-assembly';

describe('acknowledgements of the example app', () => {
  const acknowledgements = synthExampleApp().acknowledgements;

  test('docs/acknowledgements.md lists exactly the acknowledgements in the code, with their reasons', () => {
    // On failure: npx projen acknowledgements:update, then review the diff of docs/acknowledgements.md.
    const table = readAcknowledgementTable(path.join(__dirname, '..', '..', 'docs', 'acknowledgements.md'));
    expect(table).toEqual(renderAcknowledgementTable(acknowledgements));
  });

  test('every reason is specific enough to check (at least 40 characters)', () => {
    const vague = acknowledgements.filter((a) => a.reason.length < 40).map((a) => `${a.rule} @ ${a.constructPath}`);
    expect(vague).toEqual([]);
  });
});

describe('renderAcknowledgementTable', () => {
  test('one row per acknowledgement, sorted by path, pipes escaped', () => {
    expect(renderAcknowledgementTable([
      { rule: 'B-1', constructPath: 'S/Z', reason: 'second | row' },
      { rule: 'A-1', constructPath: 'S/A', reason: 'first row' },
    ])).toBe([
      '| rule | resource | reason |',
      '|---|---|---|',
      '| `A-1` | `S/A` | first row |',
      '| `B-1` | `S/Z` | second \\| row |',
    ].join('\n'));
  });
});
