import { Duration } from 'aws-cdk-lib';

/** How production traffic moves from the blue to the green tasks. */
export enum TrafficShiftKind {
  /** All traffic at once, after the test traffic checks pass. */
  ALL_AT_ONCE = 'ALL_AT_ONCE',
  /** One step of `stepPercent`, a wait of `interval`, then the rest. */
  CANARY = 'CANARY',
  /** Steps of `stepPercent` every `interval` until all traffic is shifted. */
  LINEAR = 'LINEAR',
}

/**
 * The traffic shift of a blue/green rollout.
 *
 * The values are checked by `BlueGreenPipeline` against the limits of the deployment
 * engine it drives (ECS native or CodeDeploy), so one `TrafficShift` works with both.
 */
export class TrafficShift {
  /** Shift all production traffic in one step (ECS `BLUE_GREEN`, CodeDeploy `ECSAllAtOnce`). */
  public static allAtOnce(): TrafficShift {
    return new TrafficShift(TrafficShiftKind.ALL_AT_ONCE);
  }

  /**
   * Shift `stepPercent` of production traffic, wait `interval`, then shift the rest.
   * @param stepPercent share of traffic in the canary step (1 to 99)
   * @param interval wait between the canary step and the rest (whole minutes)
   */
  public static canary(stepPercent: number, interval: Duration): TrafficShift {
    return new TrafficShift(TrafficShiftKind.CANARY, stepPercent, interval);
  }

  /**
   * Shift `stepPercent` of production traffic every `interval` until all of it is shifted.
   * @param stepPercent share of traffic per step (ECS accepts 3 to 99, CodeDeploy 1 to 99)
   * @param interval wait between steps (whole minutes)
   */
  public static linear(stepPercent: number, interval: Duration): TrafficShift {
    return new TrafficShift(TrafficShiftKind.LINEAR, stepPercent, interval);
  }

  /** How traffic moves. */
  public readonly kind: TrafficShiftKind;
  /** Share of traffic per step; undefined for all-at-once. */
  public readonly stepPercent?: number;
  /** Wait between steps; undefined for all-at-once. */
  public readonly interval?: Duration;

  private constructor(kind: TrafficShiftKind, stepPercent?: number, interval?: Duration) {
    this.kind = kind;
    this.stepPercent = stepPercent;
    this.interval = interval;
  }
}
