import * as fs from 'fs';
import { Acknowledgement } from './findings';

/**
 * The acknowledgement table of docs/acknowledgements.md lives between these markers. It is written from the
 * example app's acknowledgements (`npx projen acknowledgements:update`) and a test fails when
 * the committed table and the code disagree, so the table can never go stale.
 */
export const TABLE_START = '<!-- acknowledgements:start -->';
export const TABLE_END = '<!-- acknowledgements:end -->';

/** Renders one row per acknowledgement, sorted by construct path then rule. */
export function renderAcknowledgementTable(acknowledgements: readonly Acknowledgement[]): string {
  const rows = [...acknowledgements]
    .sort((a, b) => a.constructPath.localeCompare(b.constructPath) || a.rule.localeCompare(b.rule))
    .map((a) => `| \`${a.rule}\` | \`${a.constructPath}\` | ${a.reason.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`);
  return ['| rule | resource | reason |', '|---|---|---|', ...rows].join('\n');
}

/** The table text currently between the markers of `file`. */
export function readAcknowledgementTable(file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`${file} has no ${TABLE_START} ... ${TABLE_END} section`);
  return text.slice(start + TABLE_START.length, end).trim();
}

/** Replaces the table between the markers of `file`. */
export function writeAcknowledgementTable(file: string, table: string): void {
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`${file} has no ${TABLE_START} ... ${TABLE_END} section`);
  fs.writeFileSync(file, `${text.slice(0, start + TABLE_START.length)}\n${table}\n${text.slice(end)}`);
}
