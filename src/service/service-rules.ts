import { Token } from 'aws-cdk-lib';
import { describeFargateMemory, fargateCpuValues, isFargateSize } from './fargate-size';
import { propError, ReliabilityValidationError } from '../common/errors';
import { requireIntegerInRange, requireNumberInRange } from '../common/validate';

/**
 * Pure checks of ReliableService props (plain numbers and strings, no constructs), each
 * throwing the house-format error. The construct calls them; tests call them directly.
 */

/** A TCP port a container or listener may use. */
export function checkPort(owner: string, prop: string, port: number): void {
  requireIntegerInRange(owner, prop, port, 1, 65535);
}

/** At least two tasks, so that one task or one AZ can fail without an outage. */
export function checkDesiredCount(owner: string, desiredCount: number): void {
  if (Token.isUnresolved(desiredCount)) return;
  if (!Number.isInteger(desiredCount) || desiredCount < 2) {
    throw propError(owner, 'desiredCount', 'be an integer of at least 2 (one task per AZ survives an AZ loss)', desiredCount);
  }
  requireIntegerInRange(owner, 'desiredCount', desiredCount, 2, 5000);
}

/** Only the CPU / memory pairs Fargate accepts. */
export function checkFargateSize(owner: string, cpu: number, memoryLimitMiB: number): void {
  if (Token.isUnresolved(cpu) || Token.isUnresolved(memoryLimitMiB)) return;
  if (!fargateCpuValues().includes(cpu)) {
    throw propError(owner, 'cpu', `be one of ${fargateCpuValues().join(', ')}`, cpu);
  }
  if (!isFargateSize(cpu, memoryLimitMiB)) {
    throw propError(owner, 'memoryLimitMiB', `be ${describeFargateMemory(cpu)} with cpu ${cpu}`, memoryLimitMiB);
  }
}

/** An absolute URL path without whitespace, as the ALB health check requires. */
export function checkHealthCheckPath(owner: string, path: string): void {
  if (Token.isUnresolved(path)) return;
  if (typeof path !== 'string' || !path.startsWith('/') || /\s/.test(path) || path.length > 1024) {
    throw propError(owner, 'healthCheckPath', "start with '/' and hold no whitespace (at most 1024 characters)", path);
  }
}

/** Keeping full capacity during a deployment is the default; going below needs an explicit opt-out. */
export function checkHealthyPercents(owner: string, minHealthyPercent: number, maxHealthyPercent: number, allowReduced: boolean): void {
  requireIntegerInRange(owner, 'minHealthyPercent', minHealthyPercent, 0, 100);
  if (minHealthyPercent < 100 && !allowReduced) {
    throw propError(owner, 'minHealthyPercent',
      'be 100 unless allowReducedCapacityDeployments is true (a deployment would run below desired capacity)', minHealthyPercent);
  }
  requireIntegerInRange(owner, 'maxHealthyPercent', maxHealthyPercent, 100, 400);
  if (minHealthyPercent === 100 && maxHealthyPercent === 100) {
    throw propError(owner, 'maxHealthyPercent', 'be above 100 when minHealthyPercent is 100 (no room to start new tasks)', maxHealthyPercent);
  }
}

/** Plain HTTP needs the explicit `allowPlainHttp` opt-in; a certificate and the opt-in together are contradictory. */
export function checkListenerProtocol(owner: string, hasCertificate: boolean, allowPlainHttp: boolean): void {
  if (!hasCertificate && !allowPlainHttp) {
    throw new ReliabilityValidationError(
      `${owner}: certificate must be given for an HTTPS listener, got undefined (set allowPlainHttp: true to serve plain HTTP on purpose)`);
  }
  if (hasCertificate && allowPlainHttp) {
    throw propError(owner, 'allowPlainHttp', 'be unset when a certificate is given (HTTP then redirects to HTTPS)', true);
  }
}

/** The service must span at least two AZs. */
export function checkAvailabilityZones(owner: string, prop: string, azCount: number): void {
  if (azCount < 2) {
    throw new ReliabilityValidationError(
      `${owner}: ${prop} must span at least 2 Availability Zones, got ${azCount} Availability Zone${azCount === 1 ? '' : 's'}`);
  }
}

/** Autoscaling bounds and targets. */
export function checkAutoScaling(owner: string, min: number, max: number, targetCpuPercent: number, requestsPerTarget: number): void {
  requireIntegerInRange(owner, 'autoScaling.minCapacity', min, 2, 5000);
  requireIntegerInRange(owner, 'autoScaling.maxCapacity', max, min, 5000);
  requireNumberInRange(owner, 'autoScaling.targetCpuPercent', targetCpuPercent, 10, 90);
  requireIntegerInRange(owner, 'autoScaling.requestsPerTarget', requestsPerTarget, 1, 1_000_000);
}

/** Objectives of the default SLOs. */
export function checkSloObjectives(owner: string, availabilityPercent: number, latencyPercent: number, latencyThresholdMs: number): void {
  requireNumberInRange(owner, 'slo.availabilityPercent', availabilityPercent, 90, 99.999);
  requireNumberInRange(owner, 'slo.latencyPercent', latencyPercent, 90, 99.999);
  if (!Number.isInteger(latencyThresholdMs) || latencyThresholdMs < 1 || latencyThresholdMs > 60_000) {
    throw new ReliabilityValidationError(
      `${owner}: slo.latencyThreshold must be a whole number of milliseconds between 1 and 60000, got ${latencyThresholdMs} ms`);
  }
}

/** Variable names ECS or our review treat as credentials: those belong in `secrets`. */
const CREDENTIAL_NAMES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'ECS_ENGINE_AUTH_DATA'];
const SECRET_LOOKING_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL)/i;

/** No secret in plain text: a variable whose name says "secret" must come from Secrets Manager or SSM. */
export function checkEnvironment(owner: string, environment: Record<string, string>): void {
  for (const name of Object.keys(environment)) {
    if (CREDENTIAL_NAMES.includes(name.toUpperCase()) || SECRET_LOOKING_NAME.test(name)) {
      throw new ReliabilityValidationError(
        `${owner}: environment.${name} must be passed in secrets (ecs.Secret from Secrets Manager or SSM), got a plain-text value`);
    }
  }
}

/** Paths the read-only root filesystem mounts writable: absolute and unique. */
export function checkWritablePaths(owner: string, paths: readonly string[]): void {
  const seen = new Set<string>();
  for (const p of paths) {
    if (!p.startsWith('/') || p === '/' || /\s/.test(p)) {
      throw propError(owner, 'writablePaths', "hold absolute paths other than '/' without whitespace", p);
    }
    if (seen.has(p)) throw propError(owner, 'writablePaths', 'hold each path once', p);
    seen.add(p);
  }
}

/** The container never runs as root (Control Tower CT.ECS.PR.3). */
export function rejectRootUser(owner: string, user: string): never {
  throw propError(owner, 'user', 'name a non-root user (not root or uid 0)', user);
}

/** The blue/green test listener must not take a production port. */
export function checkTestListenerPort(owner: string, port: number): void {
  if (port === 80 || port === 443) {
    throw propError(owner, 'deploymentStrategy.testListenerPort', 'differ from the production ports 80 and 443', port);
  }
}

/** ECS accepts a health-check grace period of 0 to 2,147,483,647 s; more than an hour hides broken tasks. */
export function checkGracePeriodSeconds(owner: string, seconds: number): void {
  requireIntegerInRange(owner, 'healthCheckGracePeriod (seconds)', seconds, 0, 3600);
}

/** The CPU architectures Fargate runs Linux tasks on (ECS RuntimePlatform reference). */
export const FARGATE_CPU_ARCHITECTURES: readonly string[] = ['X86_64', 'ARM64'];

/** `ecs.CpuArchitecture.of()` accepts any string: only the ones Fargate knows would deploy. */
export function checkCpuArchitecture(owner: string, architecture: unknown): void {
  if (typeof architecture === 'string' && Token.isUnresolved(architecture)) return;
  if (typeof architecture !== 'string' || !FARGATE_CPU_ARCHITECTURES.includes(architecture)) {
    throw propError(owner, 'cpuArchitecture', `be one of ${FARGATE_CPU_ARCHITECTURES.map((a) => `ecs.CpuArchitecture.${a}`).join(', ')}`, architecture);
  }
}

/**
 * Availability Zone names of the stack's Region: the Region name and one letter (us-east-1a). Local
 * Zones (us-west-2-lax-1a) and Wavelength Zones are refused: a ReliableService needs NAT gateways and
 * an Application Load Balancer in every zone, which those zones offer only in some locations.
 */
export function checkAvailabilityZoneNames(owner: string, region: string, zones: unknown): void {
  const allowed = `hold at least 2 distinct Availability Zones of ${region} (${region} followed by one letter, e.g. ${region}a; `
    + 'Local and Wavelength Zones are not supported)';
  if (!Array.isArray(zones) || Token.isUnresolved(zones) || zones.length < 2) {
    throw propError(owner, 'availabilityZones', allowed, zones);
  }
  const pattern = new RegExp(`^${region.replace(/[-]/g, '\\-')}[a-z]$`);
  const seen = new Set<string>();
  for (const zone of zones) {
    if (typeof zone !== 'string' || Token.isUnresolved(zone) || !pattern.test(zone)) {
      throw propError(owner, 'availabilityZones', allowed, zone);
    }
    if (seen.has(zone)) throw propError(owner, 'availabilityZones', 'hold each Availability Zone once', zone);
    seen.add(zone);
  }
}

/** CloudWatch accepts at most 5 actions per alarm state (PutMetricAlarm, AlarmActions). */
export const MAX_ALARM_ACTIONS = 5;

/**
 * Once a user routes alarms, every alarm the service creates must reach someone: the SLO page alarm
 * through `page`, the saturation alarms, the SLO ticket alarm and the rollback alarm through `ticket`.
 * Sending ticket-severity alarms to the pager silently would wake people for a slow burn, so it must
 * be asked for (`ticket: page`).
 */
export function checkAlarmActions(owner: string, page: readonly unknown[] | undefined, ticket: readonly unknown[] | undefined): void {
  const routes: Array<[string, readonly unknown[] | undefined, string]> = [
    ['alarmActions.page', page, 'the SLO page alarm fires on a fast error-budget burn and needs the on-call actions'],
    ['alarmActions.ticket', ticket, 'the CPU and memory saturation alarms, the SLO ticket alarm and the deployment rollback alarm '
      + 'notify it (give the team queue\'s actions, or ticket: page to send them to the page actions too)'],
  ];
  for (const [prop, actions, why] of routes) {
    if (!Array.isArray(actions) || actions.length === 0) {
      throw propError(owner, prop, `hold at least one action when alarmActions is given: ${why}`, actions);
    }
    if (actions.length > MAX_ALARM_ACTIONS) {
      throw propError(owner, prop, `hold at most ${MAX_ALARM_ACTIONS} actions (a CloudWatch limit per alarm state)`, actions);
    }
  }
}

/** The placeholder Availability Zones aws-cdk-lib returns while the lookup is pending or has failed. */
export const DUMMY_AVAILABILITY_ZONES: readonly string[] = ['dummy1a', 'dummy1b', 'dummy1c'];

/**
 * What to tell a user whose Availability Zone lookup failed (typically: no credentials at synth).
 */
export function availabilityZoneLookupFailed(owner: string, account: string, region: string, providerError: string): string {
  return `${owner}: the VPC needs the Availability Zones of account ${account} in ${region}, and the CDK CLI could not look them up `
    + `(${providerError}). Either run cdk synth with credentials for the account once (the answer is cached in cdk.context.json: commit it), `
    + `or add "availability-zones:account=${account}:region=${region}": ["${region}a", "${region}b", "${region}c"] to cdk.context.json `
    + `yourself, or give a stack without env.account together with the availabilityZones prop (e.g. ["${region}a", "${region}b", "${region}c"]), `
    + 'or pass your own vpc';
}

/** JavaScript callers can leave out `image`; anything without `bind()` would fail inside aws-cdk-lib with a TypeError. */
export function checkImage(owner: string, image: unknown): void {
  if (typeof image !== 'object' || image === null || typeof (image as { bind?: unknown }).bind !== 'function') {
    throw propError(owner, 'image', 'be an ecs.ContainerImage, e.g. ecs.ContainerImage.fromRegistry(\'nginxinc/nginx-unprivileged:1.27\')',
      image);
  }
}
