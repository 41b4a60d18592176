import { Duration } from 'aws-cdk-lib';
import { RecoveryObjectives } from './recovery-objectives';
import { achievableText, cheapestStrategyFor, STRATEGY_RANGES, StrategyRange, strategyRange } from './strategy-ranges';

/**
 * How a workload recovers from the loss of its Region, with what that can achieve (see
 * docs/multi-region-recovery.md for the ranges and their sources).
 *
 * | strategy | whitepaper | smallest RPO | smallest RTO |
 * |---|---|---|---|
 * | `BACKUP_AND_RESTORE` | RPO hours, RTO up to 24 hours | 1 hour | 4 hours |
 * | `PILOT_LIGHT` | RPO minutes, RTO hours | 5 minutes | 2 hours |
 * | `WARM_STANDBY` | RPO seconds, RTO minutes | 1 minute | 15 minutes |
 * | `ACTIVE_ACTIVE` | RPO none or seconds, RTO seconds | near zero | near zero |
 */
export class RecoveryStrategy {
  /** Backups copied to another Region, restored into infrastructure built after the disaster. What `DrBackupPlan` builds. */
  public static readonly BACKUP_AND_RESTORE = new RecoveryStrategy('BACKUP_AND_RESTORE');
  /** Data replicated to a second Region where the service exists at zero capacity. */
  public static readonly PILOT_LIGHT = new RecoveryStrategy('PILOT_LIGHT');
  /** Data replicated to a second Region where the service runs at reduced capacity. */
  public static readonly WARM_STANDBY = new RecoveryStrategy('WARM_STANDBY');
  /** Both Regions serve traffic at full capacity. */
  public static readonly ACTIVE_ACTIVE = new RecoveryStrategy('ACTIVE_ACTIVE');

  /** The cheapest strategy that can meet the objectives (a preset tier's or explicit ones). */
  public static forObjectives(objectives: RecoveryObjectives): RecoveryStrategy {
    const range = cheapestStrategyFor(objectives.rpo.toMinutes({ integral: false }), objectives.rto.toMinutes({ integral: false }));
    return RecoveryStrategy.all().find((s) => s.key === range.key)!;
  }

  /** Every strategy, cheapest first. */
  public static all(): RecoveryStrategy[] {
    return [RecoveryStrategy.BACKUP_AND_RESTORE, RecoveryStrategy.PILOT_LIGHT, RecoveryStrategy.WARM_STANDBY, RecoveryStrategy.ACTIVE_ACTIVE];
  }

  /** How users read it: `warm standby`. */
  public readonly displayName: string;
  /** The smallest RPO the strategy meets after the loss of a Region. */
  public readonly achievableRpo: Duration;
  /** The smallest RTO the strategy meets after the loss of a Region. */
  public readonly achievableRto: Duration;
  /** `RPO ≥ 1 min, RTO ≥ 15 min`. */
  public readonly achievableText: string;

  private constructor(
    /** `BACKUP_AND_RESTORE`, `PILOT_LIGHT`, `WARM_STANDBY` or `ACTIVE_ACTIVE`. */
    public readonly key: string,
  ) {
    const range = strategyRange(key);
    this.displayName = range.displayName;
    this.achievableRpo = Duration.minutes(range.rpoFloorMinutes);
    this.achievableRto = Duration.minutes(range.rtoFloorMinutes);
    this.achievableText = achievableText(range);
  }

  /** @internal the plain numbers of the pure checks */
  public _range(): StrategyRange {
    return STRATEGY_RANGES.find((r) => r.key === this.key)!;
  }
}
