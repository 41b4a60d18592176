import * as fs from 'fs';
import { Acknowledgement } from './findings';

/**
 * Reads the acknowledgement table of the README (the rows under the `### Acknowledgements`
 * heading), so a test can hold the table and the code to each other.
 */
export function readAcknowledgementTable(readmePath: string): Acknowledgement[] {
  const lines = fs.readFileSync(readmePath, 'utf8').split('\n');
  const start = lines.findIndex((l) => l.trim() === '### Acknowledgements');
  if (start < 0) throw new Error(`${readmePath} has no '### Acknowledgements' section`);
  const rows: Acknowledgement[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('#')) break;
    if (!line.startsWith('|')) continue;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim().replace(/^`|`$/g, ''));
    if (cells.length < 3 || cells[0] === 'rule' || /^-+$/.test(cells[0])) continue;
    rows.push({ rule: cells[0], constructPath: cells[1], reason: cells.slice(2).join('|') });
  }
  return rows;
}
