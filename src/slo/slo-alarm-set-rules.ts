import { Duration, Token } from 'aws-cdk-lib';
import { AlertRequest, compactWindow } from './alert-plan';
import { AlertSeverity } from './alert-severity';
import { BurnRateAlert } from './burn-rate-alert';
import { defaultShortWindowSeconds } from './burn-rate-math';
import {
  alarmWindowProblem, MAX_ACTIONS_PER_STATE, MAX_COMPOSITE_CHILDREN, MAX_COMPOSITE_RULE_CHARS, MAX_METRICS_PER_MATH_ALARM,
} from './cloudwatch-limits';
import { propError, ReliabilityValidationError } from '../common/errors';

/**
 * Pure checks of SloAlarmSet props and of the alarms it is about to create (plain numbers,
 * strings and Durations, no constructs), each throwing the house-format error. The construct
 * calls them; tests call them directly.
 */

const RUNBOOK_PATTERN = /^https?:\/\/\S+$/;

/** A service name that starts every description: 1 to 128 characters. */
export function checkServiceName(owner: string, serviceName: string): void {
  if (typeof serviceName !== 'string' || serviceName.trim() === '' || serviceName.length > 128) {
    throw propError(owner, 'serviceName', 'be a non-empty string of at most 128 characters', serviceName);
  }
}

/** At most 5 actions per alarm state (a CloudWatch limit). */
export function checkActionCount(owner: string, prop: 'pageActions' | 'ticketActions', actions: readonly unknown[] | undefined): void {
  if (actions && actions.length > MAX_ACTIONS_PER_STATE) {
    throw propError(owner, prop, `hold at most ${MAX_ACTIONS_PER_STATE} actions (a CloudWatch limit per alarm state)`, actions);
  }
}

/**
 * A page route without a ticket route leaves the ticket alarm silent, and ReliabilityChecks reports
 * it on the user's app: say so here, where the fix is one prop.
 */
export function checkTicketRoute(owner: string, pageActions: readonly unknown[] | undefined, ticketActions: readonly unknown[] | undefined): void {
  if (pageActions?.length && !ticketActions?.length) {
    throw propError(owner, 'ticketActions', 'hold at least one action when pageActions are given: the ticket alarm fires on a '
      + 'slow error-budget burn and needs the team queue\'s actions (or pass the page actions again to page for tickets too)', ticketActions);
  }
}

/** `minimumValidEvents` / `minimumBadEvents`: a whole number of 0 or more, known at synth. */
export function checkEventMinimum(owner: string, prop: 'minimumValidEvents' | 'minimumBadEvents', value: number | undefined): void {
  if (value !== undefined && (Token.isUnresolved(value) || !Number.isInteger(value) || value < 0)) {
    throw propError(owner, prop, 'be a whole number of 0 or more', value);
  }
}

/** An http(s) runbook link without spaces, at most 512 characters. */
export function checkRunbookUrl(owner: string, url: string | undefined): void {
  if (url !== undefined && (Token.isUnresolved(url) || !RUNBOOK_PATTERN.test(url) || url.length > 512)) {
    throw propError(owner, 'runbookUrl', 'be an http(s) URL of at most 512 characters without spaces', url);
  }
}

/** Custom pairs must give pageAlarm and ticketAlarm at least one child each. */
export function checkBothSeverities(owner: string, severities: readonly string[]): void {
  for (const severity of [AlertSeverity.PAGE, AlertSeverity.TICKET]) {
    if (!severities.includes(severity)) {
      throw propError(owner, 'burnRateAlerts', `hold at least one ${severity} alert (pageAlarm and ticketAlarm both need a child)`, severities.join(', '));
    }
  }
}

/** One custom pair as a request in seconds: a known severity, a positive burn rate, CloudWatch windows, short < long. */
export function toAlertRequest(owner: string, prop: string, alert: BurnRateAlert): AlertRequest {
  if (alert.severity !== AlertSeverity.PAGE && alert.severity !== AlertSeverity.TICKET) {
    throw propError(owner, `${prop}.severity`, 'be AlertSeverity.PAGE or AlertSeverity.TICKET', alert.severity);
  }
  if (typeof alert.burnRate !== 'number' || !Number.isFinite(alert.burnRate) || alert.burnRate <= 0) {
    throw propError(owner, `${prop}.burnRate`, 'be a number above 0', alert.burnRate);
  }
  const longSeconds = windowSeconds(owner, `${prop}.longWindow`, alert.longWindow);
  const shortSeconds = alert.shortWindow === undefined
    ? defaultShortWindowSeconds(longSeconds)
    : windowSeconds(owner, `${prop}.shortWindow`, alert.shortWindow);
  const shortProp = alert.shortWindow === undefined ? `${prop}.shortWindow (default longWindow / 12)` : `${prop}.shortWindow`;
  const shortProblem = alarmWindowProblem(shortSeconds, 1);
  if (shortProblem) throw propError(owner, shortProp, shortProblem, Duration.seconds(shortSeconds));
  if (shortSeconds >= longSeconds) {
    throw propError(owner, `${prop}.shortWindow`, `be shorter than longWindow (${Duration.seconds(longSeconds).toHumanString()})`, Duration.seconds(shortSeconds));
  }
  return { severity: alert.severity, longWindowSeconds: longSeconds, shortWindowSeconds: shortSeconds, burnRate: alert.burnRate };
}

/** Two pairs with the same severity and windows would be the same alarms with two thresholds. */
export function checkDistinctPairs(owner: string, requests: readonly AlertRequest[]): void {
  const seen = new Set<string>();
  requests.forEach((r, i) => {
    const key = `${r.severity} ${compactWindow(r.longWindowSeconds)}/${compactWindow(r.shortWindowSeconds)}`;
    if (seen.has(key)) throw propError(owner, `burnRateAlerts[${i}]`, 'differ from every other alert in severity or windows', key);
    seen.add(key);
  });
}

/** At most 10 metrics in one metric-math alarm (a CloudWatch limit). */
export function checkMetricCount(owner: string, prop: string, metricCount: number): void {
  if (metricCount > MAX_METRICS_PER_MATH_ALARM) {
    throw propError(owner, prop, `reference at most ${MAX_METRICS_PER_MATH_ALARM} metrics in its error-ratio expression (a CloudWatch metric-math alarm limit)`, metricCount);
  }
}

/** A severity must keep at least one pair that can fire, or its alarm would never fire. */
export function checkSeverityLeft(owner: string, severity: string, pairs: number, objectives: readonly number[]): void {
  if (pairs === 0) {
    throw new ReliabilityValidationError(`${owner}: slos must leave at least one ${severity} pair that can fire, got none `
      + `(objectives ${objectives.join(', ')}; give higher objectives or burnRateAlerts with lower ${severity} burn rates)`);
  }
}

/** A composite alarm: at most 100 children and a rule of at most 10,240 characters. */
export function checkCompositeLimits(owner: string, prop: 'pageAlarm' | 'ticketAlarm', children: number, ruleLength: number): void {
  if (children > MAX_COMPOSITE_CHILDREN) {
    throw propError(owner, prop, `have at most ${MAX_COMPOSITE_CHILDREN} child alarms (a composite alarm limit); use fewer SLOs or pairs`, children);
  }
  if (ruleLength > MAX_COMPOSITE_RULE_CHARS) {
    throw propError(owner, prop, `have a rule of at most ${MAX_COMPOSITE_RULE_CHARS} characters (a composite alarm limit); split the SLOs over several sets`, ruleLength);
  }
}

function windowSeconds(owner: string, prop: string, window: Duration | undefined): number {
  if (!window || typeof window.toSeconds !== 'function' || window.isUnresolved()) {
    throw propError(owner, prop, 'be a Duration known at synth', window);
  }
  const seconds = window.toMilliseconds() / 1000;
  const problem = alarmWindowProblem(seconds, 1);
  if (problem) throw propError(owner, prop, problem, window);
  return seconds;
}
