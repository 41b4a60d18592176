import { SNAPSHOT_MIN_INTERVAL_MINUTES } from './resource-capabilities';

/**
 * Snapshot intervals (hours) that divide a day evenly, so every run lands at the same clock
 * times each day and the audit control BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK
 * accepts the frequency.
 */
export const SNAPSHOT_INTERVALS_HOURS = [1, 2, 3, 4, 6, 12, 24] as const;

/** AWS Backup: a job must be allowed at least an hour to start. */
export const MIN_START_WINDOW_MINUTES = 60;
/** A start window longer than 8 hours only hides a stuck job. */
export const MAX_START_WINDOW_MINUTES = 8 * 60;

/** The hour (UTC) at which daily, weekly and monthly rules run. */
export const DAILY_BACKUP_HOUR_UTC = 5;

/**
 * The longest snapshot interval that is not longer than the RPO.
 * Below an hour the answer is hourly: the RPO must then come from continuous backup / PITR.
 */
export function snapshotIntervalHours(rpoMinutes: number): number {
  const capped = Math.max(rpoMinutes, SNAPSHOT_MIN_INTERVAL_MINUTES);
  let best: number = SNAPSHOT_INTERVALS_HOURS[0];
  for (const hours of SNAPSHOT_INTERVALS_HOURS) {
    if (hours * 60 <= capped) best = hours;
  }
  return best;
}

/** Whether the RPO needs continuous backup / PITR because snapshots cannot run that often. */
export function needsPointInTimeRecovery(rpoMinutes: number): boolean {
  return rpoMinutes < SNAPSHOT_MIN_INTERVAL_MINUTES;
}

/** Fields of an AWS Backup cron expression (`cron(minute hour day month weekDay year)`). */
export interface CronFields {
  readonly minute: string;
  readonly hour: string;
  readonly day?: string;
  readonly weekDay?: string;
}

/** The cron fields for a snapshot every `hours` hours (daily at DAILY_BACKUP_HOUR_UTC for 24). */
export function cronForInterval(hours: number): CronFields {
  if (hours >= 24) return { minute: '0', hour: String(DAILY_BACKUP_HOUR_UTC) };
  if (hours === 1) return { minute: '0', hour: '*' };
  return { minute: '0', hour: `*/${hours}` };
}

/** Start and completion windows of a backup rule, in minutes. */
export interface BackupWindows {
  readonly startWindowMinutes: number;
  readonly completionWindowMinutes: number;
}

/**
 * Windows consistent with the interval and the RTO:
 * - start window: half the interval and no more than the RTO, clamped to [1 h, 8 h], so a late job does
 *   not run into the next one (AWS Backup's one-hour minimum is the exception for hourly rules);
 * - completion window: no longer than the RTO or the interval (a backup that cannot finish within the RTO
 *   cannot be restored within it either, and jobs must not pile up), but at least an hour after the start
 *   window, as AWS Backup requires.
 */
export function backupWindows(intervalMinutes: number, rtoMinutes: number): BackupWindows {
  const wanted = Math.min(Math.floor(intervalMinutes / 2), rtoMinutes);
  const startWindowMinutes = Math.min(MAX_START_WINDOW_MINUTES, Math.max(MIN_START_WINDOW_MINUTES, wanted));
  const completionWindowMinutes = Math.max(startWindowMinutes + 60, Math.min(rtoMinutes, intervalMinutes));
  return { startWindowMinutes, completionWindowMinutes };
}
