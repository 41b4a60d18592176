import { Duration, Token } from 'aws-cdk-lib';
import { propError, ReliabilityValidationError } from '../common/errors';
import { requirePlainInteger } from '../common/validate';

/**
 * What FIS accepts in an experiment template, as pure data and pure checks. The construct refuses
 * a template that breaks these rules at synth (FIS would reject it at deploy, or worse, accept it
 * and resolve a different set of resources); the tests run every synthesized experiment through
 * `experimentTemplateProblems`.
 */

/**
 * Target parameters per resource type (AWS FIS User Guide, "Targets for AWS FIS", "Resource
 * parameters"). A resource type missing here takes no parameters: its targets are named by ARN
 * or tags. `availabilityZoneIdentifier` exists only where listed: an ECS task is placed in a zone
 * with a filter on its `AvailabilityZone` path instead.
 */
export const FIS_TARGET_PARAMETERS: { readonly [resourceType: string]: readonly string[] } = {
  'aws:ecs:task': ['cluster', 'service'],
  'aws:ec2:subnet': ['availabilityZoneIdentifier', 'vpc'],
  'aws:ec2:ebs-volume': ['availabilityZoneIdentifier'],
  'aws:eks:pod': ['availabilityZoneIdentifier', 'clusterIdentifier', 'namespace', 'selectorType', 'selectorValue', 'targetContainerName'],
  'aws:elasticache:redis-replicationgroup': ['availabilityZoneIdentifier'],
  'aws:elasticache:replicationgroup': ['availabilityZoneIdentifier'],
};

/** An ISO 8601 duration parameter and the range FIS accepts for it, in seconds. */
export interface DurationRange {
  readonly min: number;
  readonly max: number;
}

const ONE_MINUTE_TO_12_HOURS: DurationRange = { min: 60, max: 12 * 3600 };

/** One action's parameters as the AWS FIS actions reference lists them. */
export interface ActionParameterRule {
  /** Every parameter the action takes. */
  readonly parameters: readonly string[];
  /** The parameters that are ISO 8601 durations, with their range. */
  readonly durations: { readonly [parameter: string]: DurationRange };
}

const durationOnly: ActionParameterRule = { parameters: ['duration'], durations: { duration: ONE_MINUTE_TO_12_HOURS } };
const ecsNetworkFault = (fault: string[]): ActionParameterRule => ({
  parameters: ['duration', ...fault, 'flowsPercent', 'sources', 'installDependencies', 'useEcsFaultInjectionEndpoints'],
  durations: { duration: ONE_MINUTE_TO_12_HOURS },
});

/**
 * Parameters of the actions this library emits (AWS FIS User Guide, "AWS FIS Actions reference").
 * `aws:ecs:stop-task` and `aws:rds:failover-db-cluster` take none: they act once, at the moment
 * they run, and last no time.
 */
export const FIS_ACTION_PARAMETERS: { readonly [actionId: string]: ActionParameterRule } = {
  'aws:ecs:stop-task': { parameters: [], durations: {} },
  'aws:ecs:task-cpu-stress': { parameters: ['duration', 'percent', 'workers', 'installDependencies'], durations: { duration: ONE_MINUTE_TO_12_HOURS } },
  'aws:ecs:task-network-latency': ecsNetworkFault(['delayMilliseconds', 'jitterMilliseconds']),
  'aws:ecs:task-network-packet-loss': ecsNetworkFault(['lossPercent']),
  'aws:ec2:stop-instances': {
    parameters: ['startInstancesAfterDuration', 'completeIfInstancesTerminated'],
    durations: { startInstancesAfterDuration: ONE_MINUTE_TO_12_HOURS },
  },
  'aws:rds:failover-db-cluster': { parameters: [], durations: {} },
  'aws:network:disrupt-connectivity': { parameters: ['duration', 'scope', 'prefixListIdentifier'], durations: { duration: ONE_MINUTE_TO_12_HOURS } },
  'aws:ec2:asg-insufficient-instance-capacity-error': {
    parameters: ['duration', 'availabilityZoneIdentifiers', 'percentage'],
    durations: { duration: ONE_MINUTE_TO_12_HOURS },
  },
  'aws:fis:inject-api-internal-error': {
    parameters: ['duration', 'service', 'operations', 'percentage'],
    durations: { duration: ONE_MINUTE_TO_12_HOURS },
  },
  'aws:dynamodb:global-table-pause-replication': durationOnly,
  'aws:fis:wait': durationOnly,
};

/** The connectivity scopes of `aws:network:disrupt-connectivity` (FIS actions reference). */
export const DISRUPT_CONNECTIVITY_SCOPES = ['all', 'availability-zone', 'dynamodb', 'prefix-list', 's3', 'vpc'];

/** Action and target names: FIS keys of at most 64 characters; ours keep 8 for the `Target` suffix. */
export const FIS_NAME_PATTERN = /^[A-Za-z0-9_-]{1,56}$/;

/**
 * Seconds of an ISO 8601 duration in the form FIS documents (`PT1M`, `PT1H30M`, `PT90S`), or
 * undefined when the string is not of that form.
 */
export function parseFisDuration(value: string): number | undefined {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(value);
  if (!match || value === 'PT') return undefined;
  const [, h, m, s] = match;
  return Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0);
}

/** Problems of one target's parameters against `FIS_TARGET_PARAMETERS`; empty when none. */
export function targetParameterProblems(resourceType: string, parameters: { [key: string]: unknown } | undefined): string[] {
  if (Token.isUnresolved(resourceType)) return [];
  const allowed = FIS_TARGET_PARAMETERS[resourceType] ?? [];
  return Object.keys(parameters ?? {})
    .filter((name) => !allowed.includes(name))
    .map((name) => allowed.length === 0
      ? `${resourceType} takes no target parameters, got "${name}"`
      : `${resourceType} takes only the target parameters ${allowed.join(', ')}, got "${name}"`);
}

/**
 * Problems of one action's parameters: names outside the reference for actions of
 * `FIS_ACTION_PARAMETERS`, and durations FIS would reject. Unknown actions are not checked.
 */
export function actionParameterProblems(actionId: string, parameters: { [key: string]: unknown } | undefined): string[] {
  const rule = FIS_ACTION_PARAMETERS[actionId];
  if (!rule) return [];
  const problems: string[] = [];
  for (const [name, value] of Object.entries(parameters ?? {})) {
    if (!rule.parameters.includes(name)) {
      problems.push(rule.parameters.length === 0
        ? `${actionId} takes no parameters, got "${name}"`
        : `${actionId} takes only the parameters ${rule.parameters.join(', ')}, got "${name}"`);
      continue;
    }
    const range = rule.durations[name];
    if (range && typeof value === 'string' && !Token.isUnresolved(value)) {
      const seconds = parseFisDuration(value);
      if (seconds === undefined) {
        problems.push(`${actionId} parameter ${name} must be an ISO 8601 duration like PT5M, got ${JSON.stringify(value)}`);
      } else if (seconds < range.min || seconds > range.max) {
        problems.push(`${actionId} parameter ${name} must be between ${range.min} and ${range.max} seconds, got ${JSON.stringify(value)}`);
      }
    }
  }
  return problems;
}

/**
 * Every problem of a synthesized `AWS::FIS::ExperimentTemplate`'s Properties: target parameters,
 * action parameters and durations, names, and targets that actions name but the template lacks.
 */
export function experimentTemplateProblems(properties: any): string[] {
  const problems: string[] = [];
  const targets: { [name: string]: any } = properties.Targets ?? {};
  for (const [name, target] of Object.entries(targets)) {
    if (name.length > 64) problems.push(`target name ${name} is longer than 64 characters`);
    problems.push(...targetParameterProblems(target.ResourceType, target.Parameters).map((p) => `target ${name}: ${p}`));
  }
  for (const [name, action] of Object.entries<any>(properties.Actions ?? {})) {
    if (!FIS_NAME_PATTERN.test(name)) problems.push(`action name ${name} is not 1-56 letters, digits, - or _`);
    problems.push(...actionParameterProblems(action.ActionId, action.Parameters).map((p) => `action ${name}: ${p}`));
    for (const targetName of Object.values<string>(action.Targets ?? {})) {
      if (!(targetName in targets)) problems.push(`action ${name} names target ${targetName}, which the template lacks`);
    }
  }
  return problems;
}

/**
 * A plain (non-token) integer in [min, max]. A token cannot be range-checked and would render
 * as a token-encoded number inside a string parameter, so it is refused.
 */
export function requireFisInteger(owner: string, prop: string, value: number, min: number, max: number): number {
  return requirePlainInteger(owner, prop, value, min, max, `it is checked against ${min}-${max} and written into a FIS parameter`);
}

/** A Duration whose value is known at synth (FIS parameters are strings the library computes). */
export function requirePlainDuration(owner: string, prop: string, duration: Duration | undefined, allowed: string): Duration {
  if (duration === undefined || duration === null || typeof (duration as Duration).toSeconds !== 'function') {
    throw propError(owner, prop, `be a Duration ${allowed}`, duration);
  }
  if (duration.isUnresolved()) {
    throw new ReliabilityValidationError(`${owner}: ${prop} must be a plain Duration, not a token (${allowed}), got a token`);
  }
  return duration;
}

/**
 * An Availability Zone name such as `us-east-1a` (or a Local Zone such as `us-west-2-lax-1a`).
 * Zone ids (`use1-az1`) are refused where a name is needed: ECS reports a task's zone by name.
 */
export function isAvailabilityZoneName(zone: string): boolean {
  return /^[a-z]{2}(-[a-z]+)+-\d+([a-z]|(-[a-z0-9]+)+[a-z])$/.test(zone);
}


/**
 * A zone name for a target filter (a token passes: e.g. a subnet's zone). ECS tasks and EC2
 * instances report their zone by name, so a filter on a zone id would match nothing.
 */
export function requireZoneName(owner: string, prop: string, zone: string): string {
  if (typeof zone === 'string' && (Token.isUnresolved(zone) || isAvailabilityZoneName(zone) || isLookupPlaceholderZone(zone))) return zone;
  throw propError(owner, prop, 'be an Availability Zone name like us-east-1a (tasks and instances report their zone by name: a zone id such as use1-az1 would match none)', zone);
}

/**
 * The zones a stack reports while its Availability Zone lookup is not cached yet (`dummy1a`...).
 * The CLI needs that first synth to succeed to learn which lookup is missing, then synthesizes
 * again with the real zones, so a placeholder must pass.
 */
export function isLookupPlaceholderZone(zone: string): boolean {
  return /^dummy1[a-z]$/.test(zone);
}

/** An Availability Zone id such as `use1-az1`. */
export function isAvailabilityZoneId(zone: string): boolean {
  return /^[a-z]{2,5}\d+-(az\d+|[a-z0-9]+-az\d+)$/.test(zone);
}

/** Whether a zone name belongs to a Region: `us-east-1a` and `us-east-1-bos-1a` belong to `us-east-1`. */
export function zoneInRegion(zone: string, region: string): boolean {
  return zone.startsWith(region) && /^([a-z]|-[a-z0-9-]*[a-z])$/.test(zone.slice(region.length));
}
