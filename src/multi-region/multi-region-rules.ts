import { Token } from 'aws-cdk-lib';
import { propError } from '../common/errors';
import { REGION_NAME } from '../dr/dr-input-rules';

/**
 * Checks of MultiRegionRecovery that need no AWS types. Limits come from the ARC Region switch API reference
 * (CreatePlan, Trigger, StartPlanExecution) and are cited next to each.
 */

/** Plan names: `[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?` (the plan ARN pattern of StartPlanExecution). */
export const PLAN_NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?$/;

/** The strategies this construct builds; backup and restore is DrBackupPlan's, active/active is not built yet. */
export const BUILDABLE_STRATEGIES = ['PILOT_LIGHT', 'WARM_STANDBY'];

/** Requires a plan name Region switch accepts (1-32 letters, digits and inner hyphens). */
export function requirePlanName(owner: string, name: string): string {
  if (typeof name !== 'string' || !PLAN_NAME.test(name)) {
    throw propError(owner, 'planName', 'be 1 to 32 letters, digits or hyphens, starting and ending with a letter or digit', name);
  }
  return name;
}

/** A unique name (CDK's, up to 32 characters, ending in its hash) cleaned to what Region switch accepts. */
export function derivePlanName(uniqueName: string): string {
  const cleaned = uniqueName.replace(/[^a-zA-Z0-9-]/g, '').replace(/^-+|-+$/g, '').slice(-32).replace(/^-+/, '');
  return cleaned || 'recovery-plan';
}

/** Both Regions known at synth, named like Regions and different. */
export function requireTwoRegions(owner: string, primaryRegion: string, standbyRegion: string): void {
  for (const [prop, region] of [['primary (its stack env.region)', primaryRegion], ['standby (its stack env.region)', standbyRegion]] as const) {
    if (Token.isUnresolved(region) || !REGION_NAME.test(region)) {
      throw propError(owner, prop, 'be in a stack with an explicit env.region such as us-west-2', region);
    }
  }
  if (primaryRegion === standbyRegion) {
    throw propError(owner, 'standby', `be in another Region than the primary's ${primaryRegion}`, standbyRegion);
  }
}

/**
 * The standby's running task count the strategy needs: a pilot light runs none, a warm standby runs at least one
 * and fewer than the primary (more would be active/active capacity paid for nothing).
 */
export function standbyCountProblem(strategyKey: string, standbyCount: number | undefined, primaryCount: number | undefined): string | undefined {
  if (standbyCount === undefined) return undefined;
  if (strategyKey === 'WARM_STANDBY' && standbyCount < 1) {
    return `run at least 1 task for a warm standby (a standby at 0 tasks is a pilot light), got ${standbyCount}`;
  }
  if (strategyKey === 'WARM_STANDBY' && primaryCount !== undefined && standbyCount > primaryCount) {
    return `run fewer tasks than the primary's ${primaryCount} for a warm standby (reduced capacity), got ${standbyCount}`;
  }
  return undefined;
}

/** Minimum delay between automatic executions: Region switch requires it; shorter than the RTO would flap. */
export function triggerDelayMinutes(rtoMinutes: number): number {
  return Math.max(60, Math.ceil(rtoMinutes));
}
