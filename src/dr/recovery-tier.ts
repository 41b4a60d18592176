import { Duration } from 'aws-cdk-lib';

/**
 * A named recovery tier: preset recovery objectives and the retention profile that goes with them.
 *
 * | tier | RPO | RTO | snapshots | retention rules |
 * |---|---|---|---|---|
 * | `CRITICAL` | 15 minutes | 1 hour | continuous (PITR) + hourly | hourly 7 d, daily 35 d, weekly 91 d, monthly 365 d |
 * | `IMPORTANT` | 4 hours | 8 hours | every 4 hours | 4-hourly 7 d, daily 35 d, weekly 91 d |
 * | `STANDARD` | 24 hours | 24 hours | daily | daily 35 d |
 */
export class RecoveryTier {
  /** Revenue or safety critical data: RPO 15 minutes, RTO 1 hour. Needs point-in-time recovery. */
  public static readonly CRITICAL = new RecoveryTier('critical', Duration.minutes(15), Duration.hours(1), 'Critical');
  /** Data the business needs within a working day: RPO 4 hours, RTO 8 hours. */
  public static readonly IMPORTANT = new RecoveryTier('important', Duration.hours(4), Duration.hours(8), 'Important');
  /** Data that can be rebuilt or lose a day: RPO 24 hours, RTO 24 hours. */
  public static readonly STANDARD = new RecoveryTier('standard', Duration.hours(24), Duration.hours(24), 'NonCritical');

  /**
   * @param name the tier's name, used in error messages and tags
   * @param rpo recovery point objective: the most data, in time, the tier may lose
   * @param rto recovery time objective: the longest the tier may take to come back
   * @param resilienceHubTier the matching AWS Resilience Hub policy tier
   */
  private constructor(
    public readonly name: string,
    public readonly rpo: Duration,
    public readonly rto: Duration,
    public readonly resilienceHubTier: string,
  ) {}
}
