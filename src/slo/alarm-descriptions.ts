import { PlannedAlert, humanDuration, humanWindow } from './alert-plan';
import { roundSignificant } from './burn-rate-math';
import { MAX_ALARM_DESCRIPTION_CHARS } from './cloudwatch-limits';
import { PAGE_HOLD_SECONDS, shortWindowShape } from './still-burning';

/**
 * Plain-words alarm descriptions: what fired, at which burn rate, how much budget is gone.
 * Pure string building; every text is cut to CloudWatch's 1,024 characters.
 */

/** What the descriptions need to know about one SLO. */
export interface DescribedSlo {
  readonly serviceName: string;
  readonly sloName: string;
  readonly objectivePercent: number;
  readonly windowDays: number;
  /** e.g. "5XX responses" */
  readonly badEventsLabel: string;
  readonly minimumValidEvents: number;
  readonly minimumBadEvents: number;
}

function percent(ratio: number): string {
  return `${roundSignificant(ratio * 100)}%`;
}

function withRunbook(text: string, runbookUrl: string | undefined): string {
  const full = runbookUrl ? `${text} Runbook: ${runbookUrl}` : text;
  if (full.length <= MAX_ALARM_DESCRIPTION_CHARS) return full;
  // Keep the runbook whole: it is the part an engineer clicks.
  const tail = runbookUrl ? ` Runbook: ${runbookUrl}` : '';
  return `${text.slice(0, MAX_ALARM_DESCRIPTION_CHARS - tail.length - 1)}…${tail}`;
}

function sloTitle(slo: DescribedSlo): string {
  return `${slo.serviceName} ${slo.sloName} SLO (${slo.objectivePercent}% over ${slo.windowDays} days)`;
}

function guardNote(slo: DescribedSlo, which: 'long' | 'short' | 'pair'): string {
  const valid = slo.minimumValidEvents > 0 ? ` Windows with fewer than ${slo.minimumValidEvents} valid events never fire.` : '';
  const bad = slo.minimumBadEvents > 0 && which !== 'short'
    ? ` ${which === 'long' ? 'This window needs' : 'The long window needs'} at least ${slo.minimumBadEvents} bad events to fire.` : '';
  return valid + bad;
}

function holdNote(alert: PlannedAlert, which: 'long' | 'short'): string {
  if (which === 'long') return '';
  const shape = shortWindowShape(alert);
  if (shape.evaluationPeriods > 1) {
    return ` It stays in ALARM while any of the last ${shape.evaluationPeriods} windows was above, so a burn hovering around the threshold does not flap the page.`;
  }
  return shape.seconds !== alert.shortWindowSeconds
    ? ` The pair's short window (${humanWindow(alert.shortWindowSeconds)}) is read over the whole hold (the last ${humanWindow(shape.seconds)}), so one page holds through an incident.`
    : '';
}

/** One window of a pair (`which` = "long" or "short"). */
export function windowAlarmDescription(slo: DescribedSlo, alert: PlannedAlert, which: 'long' | 'short', runbookUrl?: string): string {
  const seconds = which === 'long' ? alert.longWindowSeconds : shortWindowShape(alert).seconds;
  const other = which === 'long' ? alert.shortWindowSeconds : alert.longWindowSeconds;
  return withRunbook(
    `${sloTitle(slo)}: ${slo.badEventsLabel} were more than ${percent(alert.threshold)} of valid events over the last `
    + `${humanWindow(seconds)} (burn rate ${alert.burnRate}x). This is the ${which} window of the ${alert.severity} pair `
    + `(${alert.budgetSpentPercent}% of the ${slo.windowDays}-day budget spent when it fires; at this rate the whole budget lasts `
    + `${humanDuration(alert.budgetExhaustionSeconds)}); it notifies nobody alone, the ${alert.severity === 'PAGE' ? 'page' : 'ticket'} `
    + `alarm fires when the ${humanWindow(other)} window agrees.${holdNote(alert, which)}${guardNote(slo, which)}`,
    runbookUrl);
}

/** The SLO's still-burning alarm: the condition that lets slow page pairs clear quickly. */
export function stillBurningAlarmDescription(slo: DescribedSlo, windowSeconds: number, runbookUrl?: string): string {
  return withRunbook(
    `${sloTitle(slo)}: ${slo.badEventsLabel} were more than ${percent(1 - slo.objectivePercent / 100)} of valid events over the last `
    + `${humanWindow(windowSeconds)} (burn rate 1x: the budget is still being spent faster than it lasts). `
    + 'It notifies nobody alone: page pairs with a long short window fire only while it is in ALARM, so they clear '
    + `within ${humanWindow(windowSeconds)} of recovery. Without data it keeps its state.`,
    runbookUrl);
}

/** How a page lives, in one sentence for the page alarm. */
const PAGE_LIFE = `It holds while the SLO burned in the last ${humanWindow(PAGE_HOLD_SECONDS)} and clears within `
  + `${humanWindow(PAGE_HOLD_SECONDS)} of the last burning window.`;

/** The set's top-level page or ticket alarm: an OR of its pairs. */
export function severityAlarmDescription(serviceName: string, severity: 'PAGE' | 'TICKET', pairLabels: readonly string[], runbookUrl?: string): string {
  const speed = severity === 'PAGE' ? 'fast enough to page' : 'steadily enough to need a ticket';
  return withRunbook(
    `${severity}: ${serviceName} is burning an SLO error budget ${speed}. The window alarms in ALARM say which SLO `
    + `and window pair (each pair: long AND short window). ${severity === 'PAGE' ? `${PAGE_LIFE} ` : ''}Pairs: ${pairLabels.join('; ')}.`,
    runbookUrl);
}
