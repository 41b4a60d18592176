import * as path from 'path';
import { Acknowledgement } from '../../examples/compliance/findings';
import { readAcknowledgementTable } from '../../examples/compliance/readme-table';
import { synthWithCompliance } from '../../examples/compliance/synth';
import { buildExampleApp } from '../../examples/example-app';

const key = (a: Acknowledgement) => `${a.rule} @ ${a.constructPath}`;

describe('acknowledgements of the example app', () => {
  const inCode = synthWithCompliance(buildExampleApp).acknowledgements;
  const inReadme = readAcknowledgementTable(path.join(__dirname, '..', '..', 'README.md'));

  test('every acknowledgement in the code is a row of the README table, with the same reason', () => {
    const rows = new Map(inReadme.map((row) => [key(row), row.reason]));
    const missingOrDifferent = inCode.filter((ack) => rows.get(key(ack)) !== ack.reason).map(key);
    expect(missingOrDifferent).toEqual([]);
  });

  test('every README row is still an acknowledgement in the code', () => {
    const acknowledged = new Set(inCode.map(key));
    expect(inReadme.filter((row) => !acknowledged.has(key(row))).map(key)).toEqual([]);
  });

  test('every reason is specific enough to check (at least 40 characters)', () => {
    expect(inCode.filter((ack) => ack.reason.length < 40).map(key)).toEqual([]);
  });
});
