import { IConstruct } from 'constructs';
import { RecoveryStrategy } from './recovery-strategy';

/**
 * What recovers a workload in another Region after the loss of its own (a `MultiRegionRecovery`), as a
 * `DrBackupPlan` sees it: the strategy decides which RTO the plan may declare.
 */
export interface IRegionalRecovery extends IConstruct {
  /** The strategy it implements. */
  readonly strategy: RecoveryStrategy;
  /** The Region the workload recovers into. */
  readonly standbyRegion: string;
}
