import { backupWindows, CronFields, cronForInterval, DAILY_BACKUP_HOUR_UTC, snapshotIntervalHours } from './backup-schedule';
import { COLD_STORAGE_MIN_DAYS, CONTINUOUS_MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from './resource-capabilities';

/** Retention in days per rule kind; a missing kind means no such rule. */
export interface RetentionDays {
  /** Sub-daily snapshots (only when the RPO is under a day). */
  readonly frequent?: number;
  readonly daily: number;
  readonly weekly?: number;
  readonly monthly?: number;
  /** Continuous backup (PITR) window. */
  readonly continuous?: number;
  /** Move the longest-kept rule's recovery points to cold storage after this many days. */
  readonly moveToColdStorageAfter?: number;
}

/**
 * The retention profile an RPO asks for (the tiers' profiles):
 * under an hour (critical) daily 35 d, weekly 91 d, monthly 365 d; up to 8 hours (important) daily 35 d,
 * weekly 91 d; longer (standard) daily 35 d. Sub-daily snapshots are kept 7 days, PITR 35 days.
 */
export function defaultRetentionDays(rpoMinutes: number): RetentionDays {
  if (rpoMinutes < 60) return { frequent: 7, daily: 35, weekly: 91, monthly: 365, continuous: 35 };
  if (rpoMinutes <= 8 * 60) return { frequent: 7, daily: 35, weekly: 91 };
  return { daily: 35 };
}

/** One derived backup rule, in plain numbers. */
export interface DerivedRule {
  /** Rule name: Continuous, Hourly, Every4Hours, Daily, Weekly, Monthly. */
  readonly name: string;
  /** The `retention.<key>` prop that sets this rule's retention (for error messages). */
  readonly retentionKey: string;
  readonly cron: CronFields;
  readonly intervalMinutes: number;
  readonly deleteAfterDays: number;
  readonly moveToColdStorageAfterDays?: number;
  readonly continuous: boolean;
  readonly startWindowMinutes: number;
  readonly completionWindowMinutes: number;
}

/** What the rules derive from. */
export interface RuleInputs {
  readonly rpoMinutes: number;
  readonly rtoMinutes: number;
  /** Whether some protected resource needs AWS Backup continuous backup to meet the RPO. */
  readonly continuousBackup: boolean;
  readonly retention: RetentionDays;
}

const DAY_MINUTES = 24 * 60;

/**
 * The backup rules that meet the objectives: a snapshot rule at the longest interval not above the RPO,
 * a continuous (PITR) rule when the RPO is under an hour, and the daily / weekly / monthly rules of the profile.
 */
export function deriveBackupRules(inputs: RuleInputs): DerivedRule[] {
  const rules: DerivedRule[] = [];
  const intervalHours = snapshotIntervalHours(inputs.rpoMinutes);
  const rule = (name: string, retentionKey: string, cron: CronFields, intervalMinutes: number, days: number, continuous = false): DerivedRule => ({
    name,
    retentionKey,
    cron,
    intervalMinutes,
    deleteAfterDays: days,
    continuous,
    ...backupWindows(intervalMinutes, inputs.rtoMinutes),
  });
  if (inputs.continuousBackup) {
    const days = inputs.retention.continuous ?? Math.min(CONTINUOUS_MAX_RETENTION_DAYS, inputs.retention.daily);
    rules.push(rule('Continuous', 'continuous', cronForInterval(intervalHours), intervalHours * 60, days, true));
  }
  if (intervalHours < 24) {
    const name = intervalHours === 1 ? 'Hourly' : `Every${intervalHours}Hours`;
    rules.push(rule(name, 'frequent', cronForInterval(intervalHours), intervalHours * 60, inputs.retention.frequent ?? MIN_RETENTION_DAYS));
  }
  rules.push(rule('Daily', 'daily', cronForInterval(24), DAY_MINUTES, inputs.retention.daily));
  const hour = String(DAILY_BACKUP_HOUR_UTC);
  if (inputs.retention.weekly !== undefined) {
    rules.push(rule('Weekly', 'weekly', { minute: '0', hour, weekDay: 'SUN' }, 7 * DAY_MINUTES, inputs.retention.weekly));
  }
  if (inputs.retention.monthly !== undefined) {
    rules.push(rule('Monthly', 'monthly', { minute: '0', hour, day: '1' }, 30 * DAY_MINUTES, inputs.retention.monthly));
  }
  return withColdStorage(rules, inputs.retention.moveToColdStorageAfter);
}

/** Cold storage applies to the longest-kept snapshot rule only: short-lived points would pay the 90-day minimum. */
function withColdStorage(rules: DerivedRule[], coldAfterDays: number | undefined): DerivedRule[] {
  if (coldAfterDays === undefined) return rules;
  const snapshots = rules.filter((r) => !r.continuous);
  const longest = snapshots.reduce((a, b) => (b.deleteAfterDays >= a.deleteAfterDays ? b : a));
  return rules.map((r) => (r === longest ? { ...r, moveToColdStorageAfterDays: coldAfterDays } : r));
}

/** One rule broken, in the parts of the house error format. */
export interface Problem {
  readonly prop: string;
  readonly allowed: string;
  readonly value: string;
}

/** The vault lock a plan's retention must respect, in days. */
export interface LockDays {
  readonly minRetentionDays: number;
  readonly maxRetentionDays?: number;
}

/**
 * Problems with the retention of the derived rules: under 7 days, under the vault lock minimum or over
 * its maximum, continuous backup over 35 days, and cold storage that breaks the 90-day rule.
 */
export function retentionProblems(rules: readonly DerivedRule[], lock: LockDays | undefined): Problem[] {
  const problems: Problem[] = [];
  for (const r of rules) {
    const prop = `retention.${r.retentionKey}`;
    const value = `${r.deleteAfterDays} days`;
    if (r.continuous && (r.deleteAfterDays < 1 || r.deleteAfterDays > CONTINUOUS_MAX_RETENTION_DAYS)) {
      problems.push({ prop, allowed: `be between 1 and ${CONTINUOUS_MAX_RETENTION_DAYS} days (continuous backup / PITR limit)`, value });
    }
    if (r.deleteAfterDays < MIN_RETENTION_DAYS) {
      problems.push({ prop, allowed: `be at least ${MIN_RETENTION_DAYS} days`, value });
    }
    if (lock && r.deleteAfterDays < lock.minRetentionDays) {
      problems.push({ prop, allowed: `be at least the vault lock minRetention of ${lock.minRetentionDays} days`, value });
    }
    if (lock?.maxRetentionDays !== undefined && r.deleteAfterDays > lock.maxRetentionDays) {
      problems.push({ prop, allowed: `be at most the vault lock maxRetention of ${lock.maxRetentionDays} days`, value });
    }
    problems.push(...coldStorageProblems('retention.moveToColdStorageAfter', r.moveToColdStorageAfterDays, r.deleteAfterDays, prop));
  }
  return problems;
}

/**
 * A recovery point moved to cold storage must stay there 90 days: deletion no earlier than
 * `moveToColdStorageAfter + 90` days.
 */
export function coldStorageProblems(coldProp: string, coldAfterDays: number | undefined, deleteAfterDays: number, deleteProp: string): Problem[] {
  if (coldAfterDays === undefined) return [];
  if (coldAfterDays < 1) {
    return [{ prop: coldProp, allowed: 'be at least 1 day', value: `${coldAfterDays} days` }];
  }
  if (deleteAfterDays < coldAfterDays + COLD_STORAGE_MIN_DAYS) {
    return [{
      prop: coldProp,
      allowed: `be at least ${COLD_STORAGE_MIN_DAYS} days before ${deleteProp} (${deleteAfterDays} days), because recovery points stay in cold storage at least ${COLD_STORAGE_MIN_DAYS} days`,
      value: `${coldAfterDays} days`,
    }];
  }
  return [];
}

/** The vault lock minimum a plan can live with: the shortest retention of its rules. */
export function defaultLockMinRetentionDays(rules: readonly DerivedRule[]): number {
  return Math.min(...rules.map((r) => r.deleteAfterDays));
}
