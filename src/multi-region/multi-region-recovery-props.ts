import { Duration, aws_cloudwatch as cloudwatch, aws_dynamodb as dynamodb, aws_ecs as ecs } from 'aws-cdk-lib';
import { RecoveryRouting } from './recovery-routing';
import { ChaosSchedule } from '../chaos/chaos-schedule';
import { RecoveryStrategy } from '../dr/recovery-strategy';

/** Properties of a MultiRegionRecovery. */
export interface MultiRegionRecoveryProps {
  /** `RecoveryStrategy.WARM_STANDBY` (the standby runs at reduced capacity) or `RecoveryStrategy.PILOT_LIGHT` (at zero tasks). */
  readonly strategy: RecoveryStrategy;
  /**
   * The service in the primary Region (e.g. `ReliableService.service`). Its ARN reaches the plan through CDK's
   * cross-environment references, so the service and its cluster need physical names (ReliableService sets
   * `PhysicalName.GENERATE_IF_NEEDED`).
   */
  readonly primaryService: ecs.IBaseService;
  /** The same service in the standby Region; the MultiRegionRecovery must be created in the standby service's stack. */
  readonly standbyService: ecs.IBaseService;
  /** How the plan moves traffic to the activated Region. */
  readonly routing: RecoveryRouting;
  /**
   * DynamoDB global tables the service uses: each gets a replica in the standby Region when it has none.
   *
   * @default - no tables
   */
  readonly tables?: dynamodb.TableV2[];
  /**
   * Start the Region switch plan when this alarm goes red (e.g. the SLO page alarm of the primary service). Opt-in:
   * an automatic Regional failover on a noisy alarm costs more than the page.
   *
   * @default - the plan only runs when someone starts it
   */
  readonly triggerAlarm?: cloudwatch.IAlarm;
  /**
   * Run the plan on this schedule (EventBridge Scheduler) to practice the switch: a real, graceful activation of the
   * standby Region. Opt-in.
   *
   * @default - no practice runs
   */
  readonly practiceSchedule?: ChaosSchedule;
  /**
   * The recovery time objective the plan reports its actual recovery time against.
   *
   * @default - the strategy's achievable RTO (15 minutes for warm standby, 2 hours for pilot light)
   */
  readonly recoveryTimeObjective?: Duration;
  /**
   * The plan's name (1-32 letters, digits, hyphens).
   *
   * @default - derived from the construct path
   */
  readonly planName?: string;
}
