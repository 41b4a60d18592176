/** RPO / RTO for one disruption type, in seconds (the Resilience Hub policy format). */
export interface FailureObjective {
  readonly rpoInSecs: number;
  readonly rtoInSecs: number;
}

/** Inputs of the resiliency policy, in minutes. */
export interface ResiliencyInputs {
  readonly rpoMinutes: number;
  readonly rtoMinutes: number;
  /**
   * The interval of the copies to another Region, when there are any: a Region failure loses what
   * was not copied yet, so the Region RPO is the larger of the RPO and this interval.
   */
  readonly regionCopyIntervalMinutes?: number;
}

/**
 * The Resilience Hub policy for the objectives: the declared RPO / RTO for Software, Hardware and AZ
 * disruptions (backups and PITR live outside the AZ); a Region entry only when recovery points are
 * copied to another Region, with the RPO the copy schedule can actually reach.
 */
export function resiliencyObjectives(inputs: ResiliencyInputs): Record<string, FailureObjective> {
  const local: FailureObjective = { rpoInSecs: inputs.rpoMinutes * 60, rtoInSecs: inputs.rtoMinutes * 60 };
  const policy: Record<string, FailureObjective> = { Software: local, Hardware: local, AZ: local };
  if (inputs.regionCopyIntervalMinutes !== undefined) {
    policy.Region = {
      rpoInSecs: Math.max(inputs.rpoMinutes, inputs.regionCopyIntervalMinutes) * 60,
      rtoInSecs: inputs.rtoMinutes * 60,
    };
  }
  return policy;
}

/** The Resilience Hub tier for explicit objectives (a preset tier brings its own). */
export function resilienceHubTier(rtoMinutes: number): string {
  if (rtoMinutes <= 15) return 'MissionCritical';
  if (rtoMinutes <= 60) return 'Critical';
  if (rtoMinutes <= 8 * 60) return 'Important';
  return 'NonCritical';
}
