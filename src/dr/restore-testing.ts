import { Duration, aws_events as events } from 'aws-cdk-lib';

/** How a DrBackupPlan tests its restores. */
export interface RestoreTestingOptions {
  /**
   * Whether to run restore tests at all.
   *
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * When restore tests run (AWS Backup cron).
   *
   * @default - weekly, Monday 06:00 UTC
   */
  readonly schedule?: events.Schedule;
  /**
   * IANA time zone of `schedule`, e.g. `Europe/Paris` (`UTC` and `Etc/UTC` are accepted).
   *
   * @default - UTC
   */
  readonly scheduleTimeZone?: string;
  /**
   * How long the restored resource is kept for a validation script (1 to 168 hours) before AWS Backup deletes it.
   *
   * @default Duration.hours(1)
   */
  readonly validationWindow?: Duration;
  /**
   * How recent the tested recovery point must be (1 to 365 days); the latest one in the window is restored.
   *
   * @default - 7 days (never longer than the shortest retention)
   */
  readonly selectionWindow?: Duration;
}
