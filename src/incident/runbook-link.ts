import { MAX_ALARM_DESCRIPTION_CHARS } from '../slo/cloudwatch-limits';

/**
 * Runbook links of paging alarms, as pure string functions. `cdk-reliability runbook` writes one
 * file per paging alarm at `<stack name>/<logical id>.md`; the link in the alarm's description points
 * at the same path under the runbook base URL, so the two meet without the CLI knowing the URL.
 */

/** The marker a responder (and the CLI) looks for in an alarm description. */
export const RUNBOOK_LABEL = 'Runbook:';

/** The relative path of an alarm's runbook. */
export function runbookPath(stackName: string, logicalId: string): string {
  return `${encodeURIComponent(stackName)}/${encodeURIComponent(logicalId)}.md`;
}

/** The runbook URL of an alarm under a base URL (with or without a trailing slash). */
export function runbookUrl(baseUrl: string, stackName: string, logicalId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${runbookPath(stackName, logicalId)}`;
}

/**
 * The description with the runbook link appended, cut to CloudWatch's 1,024 characters by
 * shortening the text, never the link (it is the part a responder clicks). A description that
 * already carries a runbook link (SloAlarmSet's `runbookUrl`) is kept as it is.
 */
export function describeWithRunbook(description: string | undefined, url: string): string {
  const text = description ?? '';
  if (text.includes(RUNBOOK_LABEL)) return text;
  const tail = `${text ? ' ' : ''}${RUNBOOK_LABEL} ${url}`;
  if (text.length + tail.length <= MAX_ALARM_DESCRIPTION_CHARS) return text + tail;
  return `${text.slice(0, Math.max(0, MAX_ALARM_DESCRIPTION_CHARS - tail.length - 1))}…${tail}`;
}

/** Whether a base URL can prefix a link: an https URL with a host. */
export function isRunbookBaseUrl(value: string): boolean {
  return /^https:\/\/[^\s/]+(\/\S*)?$/.test(value);
}
