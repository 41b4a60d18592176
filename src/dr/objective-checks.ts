import { Problem } from './backup-rules';
import { impliedRestoreMinutes, recoveryMeans, ResourceCapabilities } from './resource-capabilities';
import { DurationStyle, formatExactDuration } from '../common/duration-text';

/** A protected resource as the pure checks see it. */
export interface ResourceFacts {
  /** How the user named it, e.g. `resources[0] (DynamoDB 'Orders')`. */
  readonly label: string;
  readonly capabilities: ResourceCapabilities;
  readonly nativePitrEnabled: boolean;
}

/** Minutes rendered for messages: `15 minutes`, `4 hours`. */
export function formatMinutes(minutes: number): string {
  return formatExactDuration(minutes * 60, DurationStyle.WORDS, { largest: 'hour', smallest: 'minute' });
}

/**
 * Problems with the objectives: non-positive values, an RPO a resource type cannot reach,
 * and an RTO shorter than the restore the RPO implies (PITR restores replay logs and take longer).
 */
export function objectiveProblems(rpoMinutes: number, rtoMinutes: number, resources: readonly ResourceFacts[]): Problem[] {
  const problems: Problem[] = [];
  if (!(rpoMinutes > 0)) problems.push({ prop: 'objectives.rpo', allowed: 'be positive', value: formatMinutes(rpoMinutes) });
  if (!(rtoMinutes > 0)) problems.push({ prop: 'objectives.rto', allowed: 'be positive', value: formatMinutes(rtoMinutes) });
  if (problems.length > 0) return problems;
  for (const resource of resources) {
    const means = recoveryMeans(resource.capabilities, resource.nativePitrEnabled);
    if (rpoMinutes < means.achievableRpoMinutes) {
      problems.push({
        prop: 'objectives.rpo',
        allowed: `be at least ${formatMinutes(means.achievableRpoMinutes)} for ${resource.label}: ${rpoLimitReason(resource)}`,
        value: formatMinutes(rpoMinutes),
      });
    }
    const restore = impliedRestoreMinutes(resource.capabilities, rpoMinutes);
    if (rtoMinutes < restore) {
      problems.push({
        prop: 'objectives.rto',
        allowed: `be at least ${formatMinutes(restore)} for ${resource.label}: ${rpoMinutes < 60 ? 'a point-in-time' : 'a snapshot'} restore of ${resource.capabilities.backupTypeName} takes about that long`,
        value: formatMinutes(rtoMinutes),
      });
    }
  }
  return problems;
}

function rpoLimitReason(resource: ResourceFacts): string {
  const caps = resource.capabilities;
  if (caps.continuousBackupRpoMinutes !== undefined) return 'that is the lag of its continuous backup';
  if (caps.nativePitrRpoMinutes !== undefined && resource.nativePitrEnabled) return 'that is the lag of its point-in-time recovery';
  if (caps.nativePitrRpoMinutes !== undefined) {
    return `AWS Backup snapshots run at most hourly; enable the ${caps.backupTypeName} point-in-time recovery to go lower`;
  }
  return `AWS Backup snapshots run at most hourly and ${caps.backupTypeName} has no continuous backup`;
}
