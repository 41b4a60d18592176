import { Duration } from 'aws-cdk-lib';
import { RecoveryTier } from './recovery-tier';

/** Explicit recovery objectives. */
export interface RecoveryObjectivesOptions {
  /** Recovery point objective: the most data, measured in time, that a recovery may lose. */
  readonly rpo: Duration;
  /** Recovery time objective: the longest a recovery may take. */
  readonly rto: Duration;
}

/**
 * What a DrBackupPlan must guarantee: a recovery point objective (RPO) and a
 * recovery time objective (RTO), either from a `RecoveryTier` preset or given explicitly.
 */
export class RecoveryObjectives {
  /** The objectives of a preset tier (see `RecoveryTier` for the values). */
  public static tier(tier: RecoveryTier): RecoveryObjectives {
    return new RecoveryObjectives(tier.rpo, tier.rto, tier);
  }

  /** Explicit objectives; the retention profile follows the RPO (see docs/dr-backup-plan.md). */
  public static of(options: RecoveryObjectivesOptions): RecoveryObjectives {
    return new RecoveryObjectives(options.rpo, options.rto, undefined);
  }

  private constructor(
    /** Recovery point objective. */
    public readonly rpo: Duration,
    /** Recovery time objective. */
    public readonly rto: Duration,
    /** The preset tier, when the objectives came from one. */
    public readonly presetTier?: RecoveryTier,
  ) {}
}
