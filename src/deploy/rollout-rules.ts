import { Duration, Token } from 'aws-cdk-lib';
import { DeploymentEngine } from './deployment-engine';
import { TrafficShift, TrafficShiftKind } from './traffic-shift';
import { propError } from '../common/errors';

/**
 * Limits of the deployment engines, checked at synth so CloudFormation or the first
 * deployment never has to reject them.
 *
 * ECS: canary 0.1–100 %, linear 3–100 % (multiples of 0.1), step bake time and service bake
 * time 0–1,440 whole minutes. CodeDeploy: integer percentages, interval in whole minutes,
 * blue tasks kept at most 2,880 minutes. A step of 100 % is no canary at all, so both are
 * capped at 99 % here, and an interval of 0 would skip the very wait that makes a canary useful.
 */
export const ROLLOUT_LIMITS = {
  minCanaryPercent: 1,
  minEcsLinearPercent: 3,
  minCodeDeployLinearPercent: 1,
  maxStepPercent: 99,
  minIntervalMinutes: 1,
  maxEcsIntervalMinutes: 1440,
  maxCodeDeployIntervalMinutes: 2880,
  maxBakeMinutes: 1440,
  /** CodePipeline's ECS deploy action waits at most this long for a deployment. */
  maxEcsDeployActionMinutes: 60,
} as const;

/** Throws the house-format error when the traffic shift is outside what `engine` accepts. */
export function checkTrafficShift(owner: string, shift: TrafficShift, engine: DeploymentEngine): void {
  if (typeof shift !== 'object' || shift === null || !Object.values(TrafficShiftKind).includes(shift.kind)) {
    throw propError(owner, 'trafficShift', 'be a TrafficShift (TrafficShift.allAtOnce(), .canary(...) or .linear(...))', shift);
  }
  if (shift.kind === TrafficShiftKind.ALL_AT_ONCE) return;
  const kind = shift.kind === TrafficShiftKind.CANARY ? 'canary' : 'linear';
  const percent = shift.stepPercent as number;
  const minPercent = shift.kind === TrafficShiftKind.CANARY
    ? ROLLOUT_LIMITS.minCanaryPercent
    : engine === DeploymentEngine.ECS_NATIVE ? ROLLOUT_LIMITS.minEcsLinearPercent : ROLLOUT_LIMITS.minCodeDeployLinearPercent;
  // The rollout length (linear steps) is computed from the percentage: it must be known at synth.
  if (Token.isUnresolved(percent)) throw propError(owner, `trafficShift (${kind}) stepPercent`, 'be known at synth (not a token)', percent);
  const inRange = typeof percent === 'number' && Number.isFinite(percent)
    && percent >= minPercent && percent <= ROLLOUT_LIMITS.maxStepPercent;
  if (engine === DeploymentEngine.CODE_DEPLOY && !(inRange && Number.isInteger(percent))) {
    throw propError(owner, `trafficShift (${kind}) stepPercent`, `be an integer between ${minPercent} and ${ROLLOUT_LIMITS.maxStepPercent} for CodeDeploy`, percent);
  }
  if (!inRange || !isMultipleOfTenth(percent)) {
    throw propError(owner, `trafficShift (${kind}) stepPercent`, `be a multiple of 0.1 between ${minPercent} and ${ROLLOUT_LIMITS.maxStepPercent}`, percent);
  }
  const maxInterval = engine === DeploymentEngine.ECS_NATIVE ? ROLLOUT_LIMITS.maxEcsIntervalMinutes : ROLLOUT_LIMITS.maxCodeDeployIntervalMinutes;
  checkWholeMinutes(owner, `trafficShift (${kind}) interval`, shift.interval, ROLLOUT_LIMITS.minIntervalMinutes, maxInterval);
}

/**
 * Throws when the bake time is not a whole number of minutes in 0–1,440 (ECS `bakeTimeInMinutes`).
 * Shared by every construct that takes a bake time, so they accept the same values.
 */
export function checkBakeTime(owner: string, bakeTime: Duration, prop = 'bakeTime'): void {
  checkWholeMinutes(owner, prop, bakeTime, 0, ROLLOUT_LIMITS.maxBakeMinutes);
}

/**
 * Minutes from the first production traffic shift to the end of the bake, assuming no
 * failure: the time a deploy action must be willing to wait.
 */
export function rolloutMinutes(shift: TrafficShift, bakeTime: Duration): number {
  const bake = bakeTime.toMinutes({ integral: false });
  if (shift.kind === TrafficShiftKind.ALL_AT_ONCE) return bake;
  const interval = (shift.interval as Duration).toMinutes({ integral: false });
  if (shift.kind === TrafficShiftKind.CANARY) return interval + bake;
  // Linear: one wait after every step but the last one.
  const steps = Math.ceil(100 / (shift.stepPercent as number) - 1e-9);
  return (steps - 1) * interval + bake;
}

/** Throws when the rollout cannot finish within the ECS deploy action's 60-minute wait. */
export function checkFitsEcsDeployAction(owner: string, shift: TrafficShift, bakeTime: Duration): number {
  // checkTrafficShift and checkBakeTime ran first: no token reaches this sum.
  const minutes = rolloutMinutes(shift, bakeTime);
  if (minutes > ROLLOUT_LIMITS.maxEcsDeployActionMinutes) {
    throw propError(owner, 'trafficShift and bakeTime',
      `add up to at most ${ROLLOUT_LIMITS.maxEcsDeployActionMinutes} minutes of rollout, the longest CodePipeline's ECS deploy action waits`,
      minutes);
  }
  return minutes;
}

/**
 * A rollout duration must be a plain `Duration` of whole minutes in range. A token is rejected:
 * the construct computes with it (the deploy action's wait, the 60-minute fit) and the engines'
 * limits could not be checked before CloudFormation or the first deployment rejects it.
 */
function checkWholeMinutes(owner: string, prop: string, value: Duration | undefined, min: number, max: number): void {
  if (!isDuration(value)) throw propError(owner, prop, `be a Duration of ${min} to ${max} minutes`, value);
  if (value.isUnresolved()) throw propError(owner, prop, 'be known at synth (not a token)', value);
  const minutes = value.toMinutes({ integral: false });
  if (!Number.isInteger(minutes) || minutes < min || minutes > max) {
    throw propError(owner, prop, `be a whole number of minutes between ${min} and ${max}`, value);
  }
}

/** Duration-like: a JavaScript caller may pass a number or a plain object instead. */
function isDuration(value: unknown): value is Duration {
  return typeof value === 'object' && value !== null
    && typeof (value as Duration).isUnresolved === 'function' && typeof (value as Duration).toMinutes === 'function';
}

function isMultipleOfTenth(value: number): boolean {
  return Math.abs(value * 10 - Math.round(value * 10)) < 1e-9;
}
