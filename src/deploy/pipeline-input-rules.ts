import { DeploymentEngine } from './deployment-engine';
import { PipelineSource, PipelineSourceKind } from './pipeline-source';
import { StageTargetFacts } from './stage-target';
import { propError } from '../common/errors';
import { requireObject } from '../common/validate';

/**
 * The checks of `BlueGreenPipeline` props, as pure functions of the values (and of the facts read
 * from a stage's service): the shapes TypeScript enforces but a JavaScript caller can break, the
 * numbers the construct computes with, and how a stage's pieces must fit together. Each throws
 * the house-format error (`propError`) instead of a TypeError or a failed deploy later on.
 * The rollout's own numbers (traffic shift, bake time) are checked in `rollout-rules.ts`.
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

/** Requires every entry of an optional alarm list to be an alarm. */
export function checkAlarmList(owner: string, prop: string, alarms: readonly unknown[] | undefined): void {
  if (alarms === undefined) return;
  if (!Array.isArray(alarms)) throw propError(owner, prop, 'be an array of cloudwatch.IAlarm', alarms);
  alarms.forEach((alarm, index) => requireObject(owner, `${prop}[${index}]`, alarm, 'a cloudwatch.IAlarm'));
}

const STAGE_NAME = /^[A-Za-z0-9.@\-_]{1,90}$/;
const RESERVED_STAGE_NAMES = ['Source', 'Build'];

/** A stage name CodePipeline accepts, not taken by the pipeline's own stages or an earlier stage. */
export function checkStageName(owner: string, prop: string, name: string, taken: ReadonlySet<string>): void {
  if (taken.has(name)) throw propError(owner, prop, 'be unique', name);
  if (RESERVED_STAGE_NAMES.includes(name) || !STAGE_NAME.test(name)) {
    throw propError(owner, prop, 'be 1-90 letters, digits or . @ - _ and not Source or Build', name);
  }
}

/** The parts of a stage that say whether its green side already exists. */
export interface StageWiringInput {
  readonly alternateTargetGroup?: unknown;
  readonly testListener?: unknown;
}

/**
 * The service's deployment controller suits the engine, and the stage's green side is either
 * given whole (alternate target group and test listener, the ones the service is wired to) or
 * left to the pipeline.
 */
export function checkStageWiring(owner: string, prop: string, stage: StageWiringInput, facts: StageTargetFacts, engine: DeploymentEngine): void {
  const native = engine === DeploymentEngine.ECS_NATIVE;
  const wanted = native ? 'ECS' : 'CODE_DEPLOY';
  if (facts.controllerType !== wanted) {
    throw propError(owner, `${prop}.service`,
      `use the ${wanted} deployment controller for ${native ? 'ECS native blue/green' : 'the CodeDeploy engine'}`, facts.controllerType);
  }
  if ((stage.alternateTargetGroup === undefined) !== (stage.testListener === undefined)) {
    throw propError(owner, `${prop}.alternateTargetGroup and testListener`, 'be given together or not at all',
      stage.alternateTargetGroup ? 'only alternateTargetGroup' : 'only testListener');
  }
  if (facts.hasAlternateTarget && !stage.alternateTargetGroup) {
    throw propError(owner, `${prop}.alternateTargetGroup and testListener`,
      'be given when the service is already wired for blue/green (its load balancer entry names an alternate target group)', 'neither');
  }
  if (stage.alternateTargetGroup && !facts.hasAlternateTarget && native) {
    throw propError(owner, `${prop}.alternateTargetGroup`,
      'only be given for a service already wired to it (leave it out and the pipeline wires one)', 'a target group the service does not use');
  }
}

/** A stage rolls back on at least one alarm, unless the caller said it may not. */
export function checkStageAlarmCount(owner: string, prop: string, alarmCount: number, allowNone: boolean): void {
  if (alarmCount === 0 && !allowNone) {
    throw propError(owner, `${prop} rollback alarms`,
      'include at least one alarm (pageAlarm, rollbackAlarms, or the pipeline\'s rollbackAlarms), or set allowNoRollbackAlarms: true', 'none');
  }
}

/** The parts of a manual approval that say who is told. */
export interface ManualApprovalInput {
  readonly notificationTopic?: unknown;
  readonly notifyEmails?: readonly string[];
}

/** Somebody is told that an approval waits. */
export function checkManualApproval(owner: string, prop: string, approval: ManualApprovalInput | undefined): void {
  if (approval && !approval.notificationTopic && !(approval.notifyEmails ?? []).length) {
    throw propError(owner, prop, 'name a notificationTopic or at least one notifyEmails address', 'no notification target');
  }
}
