import { Token } from 'aws-cdk-lib';
import { PipelineSource, PipelineSourceKind } from './pipeline-source';
import { propError } from '../common/errors';
import { requireObject } from '../common/validate';

/**
 * Shape checks for `BlueGreenPipeline` props that TypeScript enforces but a JavaScript caller can
 * break (undefined required props, a number where a construct is expected) and for numbers the
 * construct computes with. Each throws the house-format error instead of a TypeError later on.
 */

/** Requires a non-empty string. */
export function requireString(owner: string, prop: string, value: unknown, what: string): void {
  if (typeof value !== 'string' || value.length === 0) throw propError(owner, prop, `be ${what}`, value);
}

/** Requires a `PipelineSource` with the options its kind needs. */
export function checkSource(owner: string, source: PipelineSource | undefined): void {
  const allowed = 'be a PipelineSource (PipelineSource.ecr(...) or PipelineSource.codeStarConnection(...))';
  if (typeof source !== 'object' || source === null || !Object.values(PipelineSourceKind).includes(source.kind)) {
    throw propError(owner, 'source', allowed, source);
  }
  if (source.kind === PipelineSourceKind.ECR) {
    requireObject(owner, 'source.repository', source.ecrOptions?.repository, 'an ecr.IRepository');
    return;
  }
  const options = source.codeStarOptions;
  requireString(owner, 'source.connectionArn', options?.connectionArn, 'the ARN of a CodeStar (CodeConnections) connection');
  requireString(owner, 'source.owner', options?.owner, 'the owner of the Git repository');
  requireString(owner, 'source.repo', options?.repo, 'the name of the Git repository');
}

/**
 * Requires an integer in [min, max] known at synth: the construct computes with it (the test
 * port goes into the hook's URL and a security-group rule), where a token would print as a
 * meaningless encoded number.
 */
export function requirePlainInteger(owner: string, prop: string, value: number, min: number, max: number): void {
  if (Token.isUnresolved(value)) throw propError(owner, prop, 'be a plain number, not a token', value);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw propError(owner, prop, `be an integer between ${min} and ${max}`, value);
  }
}

/** Requires every entry of an optional alarm list to be an alarm. */
export function checkAlarmList(owner: string, prop: string, alarms: readonly unknown[] | undefined): void {
  if (alarms === undefined) return;
  if (!Array.isArray(alarms)) throw propError(owner, prop, 'be an array of cloudwatch.IAlarm', alarms);
  alarms.forEach((alarm, index) => requireObject(owner, `${prop}[${index}]`, alarm, 'a cloudwatch.IAlarm'));
}
