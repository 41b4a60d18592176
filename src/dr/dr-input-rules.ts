import { Duration, Token } from 'aws-cdk-lib';
import { coldStorageProblems, DerivedRule, Problem } from './backup-rules';
import { CopyTarget } from './copy-target';
import { DrBackupPlanProps } from './dr-backup-plan-props';
import { formatMinutes } from './objective-checks';
import { bucketVersioningOff, ProtectedResource } from './protected-resource';
import { ProtectedResourceType } from './protected-resource-type';
import { RecoveryStrategy } from './recovery-strategy';
import { IRegionalRecovery } from './regional-recovery';
import { MIN_RETENTION_DAYS } from './resource-capabilities';
import { StrategyRange, UnmetObjective, unmetRto } from './strategy-ranges';
import { propError, ReliabilityValidationError } from '../common/errors';
import { requireObject } from '../common/validate';

/**
 * Every input check of DrBackupPlan (and the DR helpers it shares with DrVault): shapes, Region names in vault ARNs,
 * durations that must be known at synth, versioned buckets, the copy target, the recovery strategy's RTO.
 * Each throws the house error; the objective and retention arithmetic lives in objective-checks.ts / backup-rules.ts.
 */

/** Region names: us-east-1, eu-central-2, us-gov-west-1, cn-north-1, us-isob-east-1, ap-southeast-5 ... */
export const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

const VAULT_ARN = /^arn:(aws[a-z-]*):backup:([^:]*):(\d{12}):backup-vault:([a-zA-Z0-9\-_]{2,50})$/;

/** The parts of a backup vault ARN, or undefined when it is not one. */
export function parseVaultArn(arn: string): { readonly region: string; readonly account: string; readonly name: string } | undefined {
  const m = VAULT_ARN.exec(arn);
  return m ? { region: m[2], account: m[3], name: m[4] } : undefined;
}

/** Requires a backup vault ARN with a Region name; a token passes. */
export function requireVaultArn(owner: string, prop: string, arn: string | undefined): void {
  if (typeof arn === 'string' && Token.isUnresolved(arn)) return;
  const parts = typeof arn === 'string' ? parseVaultArn(arn) : undefined;
  if (!parts || !REGION_NAME.test(parts.region)) {
    throw propError(owner, prop, 'be a backup vault ARN arn:<partition>:backup:<region>:<account>:backup-vault:<name> '
      + 'with a Region name such as us-west-2', arn);
  }
}

/**
 * Requires a Duration known at synth. A token Duration would make every comparison run on a
 * token-encoded number; the error names the prop and never prints that number.
 */
export function requireKnownDuration(owner: string, prop: string, value: Duration | undefined): Duration | undefined {
  if (value === undefined) return undefined;
  if (typeof (value as { isUnresolved?: unknown })?.isUnresolved !== 'function') {
    throw propError(owner, prop, 'be a Duration (e.g. Duration.days(7))', value);
  }
  if (value.isUnresolved()) {
    throw new ReliabilityValidationError(`${owner}: ${prop} must be a plain number known at synth (not a token), got a token`);
  }
  return value;
}

/** The shortest acknowledgement we accept: long enough to say what is missed and why that is acceptable. */
export const MIN_ACKNOWLEDGEMENT_LENGTH = 20;

/** What the strategy check needs to know. */
export interface StrategyCheckInput {
  readonly rpoMinutes: number;
  readonly rtoMinutes: number;
  /** The strategy that recovers the workload from the loss of its Region. */
  readonly strategy: StrategyRange;
  /** Whether a multi-Region recovery was given (changes the advice). */
  readonly hasRegionalRecovery: boolean;
  readonly acknowledgement?: string;
}

/**
 * An RTO the strategy cannot meet is an error naming the strategy that would, unless acknowledged; an
 * acknowledgement must say something (20 characters) and must not outlive the problem it acknowledged.
 * Returns the unmet objective when it is acknowledged (for the report), undefined when the RTO is met.
 */
export function checkStrategyMeetsRto(owner: string, input: StrategyCheckInput): UnmetObjective | undefined {
  const ack = input.acknowledgement;
  if (ack !== undefined && (typeof ack !== 'string' || ack.trim().length < MIN_ACKNOWLEDGEMENT_LENGTH)) {
    throw propError(owner, 'unmetRtoAcknowledgement', `be a reason of at least ${MIN_ACKNOWLEDGEMENT_LENGTH} characters `
      + 'saying why the RTO may be missed', ack);
  }
  const unmet = unmetRto(input.strategy, input.rpoMinutes, input.rtoMinutes);
  if (!unmet && ack !== undefined) {
    throw propError(owner, 'unmetRtoAcknowledgement', `be left out: ${input.strategy.displayName} meets the declared RTO of `
      + `${formatMinutes(input.rtoMinutes)}`, ack);
  }
  if (!unmet || ack !== undefined) return unmet;
  const how = unmet.wouldMeet.key === 'BACKUP_AND_RESTORE' ? '' : input.hasRegionalRecovery
    ? `; ${unmet.wouldMeet.displayName} would (${unmet.wouldMeet.whitepaperRange}): give recoveredBy a MultiRegionRecovery with that strategy`
    : `; ${unmet.wouldMeet.displayName} would (${unmet.wouldMeet.whitepaperRange}): protect the workload with a MultiRegionRecovery `
      + `(RecoveryStrategy.${unmet.wouldMeet.key}) and pass it as recoveredBy`;
  throw new ReliabilityValidationError(`${owner}: objectives.rto must be at least ${formatMinutes(unmet.floorMinutes)} for `
    + `${input.strategy.displayName} (${input.strategy.whitepaperRange}, per the AWS DR whitepaper), got ${formatMinutes(input.rtoMinutes)}`
    + `${how}, or set unmetRtoAcknowledgement to say why the RTO may be missed`);
}

/** What a JavaScript caller can get wrong before any rule applies: missing props, objectives or resources. */
export function requirePlanShape(owner: string, props: DrBackupPlanProps): void {
  requireObject(owner, 'props', props, 'given with objectives and resources');
  if (!props.objectives || typeof props.objectives !== 'object') {
    throw propError(owner, 'objectives', 'be RecoveryObjectives.tier(...) or RecoveryObjectives.of({ rpo, rto })', props.objectives);
  }
  if (!Array.isArray(props.resources) || props.resources.length === 0) {
    throw propError(owner, 'resources', 'hold at least one ProtectedResource', props.resources);
  }
  props.resources.forEach((r, i) => {
    if (!(r instanceof ProtectedResource)) {
      throw propError(owner, `resources[${i}]`, 'be a ProtectedResource (ProtectedResource.dynamoDbTable(...), fromArn(...), ...)', r);
    }
  });
}

/** AWS Backup backs up S3 only with versioning on. */
export function requireVersionedBuckets(owner: string, resources: readonly ProtectedResource[]): void {
  resources.forEach((r, i) => {
    if (r.type === ProtectedResourceType.S3 && bucketVersioningOff(r.construct)) {
      throw propError(owner, `resources[${i}]`, 'be a versioned bucket (AWS Backup backs up S3 only with versioning on)', r.name);
    }
  });
}

/** The AWS Config recording serves the audit framework: no framework, no recorder. */
export function requireRecorderWithFramework(owner: string, recorder: boolean, framework: boolean): void {
  if (recorder && !framework) {
    throw propError(owner, 'auditConfigRecorder', 'be left out when auditFramework is false (the recording serves the framework)', true);
  }
}

/** `recoveredBy` is a recovery with a strategy, into another Region than the plan's. */
export function requireRegionalRecovery(owner: string, recovery: IRegionalRecovery | undefined, hereRegion: string): void {
  if (recovery === undefined) return;
  if (!(recovery?.strategy instanceof RecoveryStrategy)) {
    throw propError(owner, 'recoveredBy', 'be a MultiRegionRecovery (an IRegionalRecovery with a RecoveryStrategy)', recovery);
  }
  if (!Token.isUnresolved(hereRegion) && recovery.standbyRegion === hereRegion) {
    throw propError(owner, 'recoveredBy', `recover into another Region than the plan's own ${hereRegion}`, recovery.standbyRegion);
  }
}

/** What the copy check needs: the target, the plan's Region, the copy settings in whole days and the derived rules. */
export interface CopyCheckInput {
  readonly target?: CopyTarget;
  readonly hereRegion: string;
  readonly copyRetentionGiven: boolean;
  readonly coldStorageGiven: boolean;
  readonly copyDays?: number;
  readonly coldDays?: number;
  readonly rules: readonly DerivedRule[];
}

/** Copy target checks: another Region, copy retention within the destination's lock and the 90-day rule. */
export function checkCopyTarget(owner: string, input: CopyCheckInput): void {
  const target = input.target;
  if (target !== undefined && !(target instanceof CopyTarget)) {
    throw propError(owner, 'copyTo', 'be CopyTarget.vault(drVault) or CopyTarget.vaultArn(arn)', target);
  }
  if (target && !target.drVault) requireVaultArn(owner, 'copyTo', target.destinationVaultArn);
  if (!target) {
    if (input.copyRetentionGiven || input.coldStorageGiven) {
      throw propError(owner, 'copyTo', 'be set when copyRetention or copyMoveToColdStorageAfter is', undefined);
    }
    return;
  }
  if (target.drVault && Token.isUnresolved(target.destinationRegion)) {
    throw propError(owner, 'copyTo', 'be a DrVault in a stack with an explicit env.region', target.destinationRegion);
  }
  const here = input.hereRegion;
  const there = target.destinationRegion;
  if (!Token.isUnresolved(here) && !Token.isUnresolved(there) && there === here && !target.drVault?.airGapped) {
    throw propError(owner, 'copyTo', `be a vault in another Region than ${here} (only an air-gapped vault may share the Region)`, target.destinationRegion);
  }
  const lock = target.drVault;
  const fail = (problems: Problem[]) => {
    if (problems.length > 0) throw new ReliabilityValidationError(`${owner}: ${problems[0].prop} must ${problems[0].allowed}, got ${problems[0].value}`);
  };
  for (const rule of input.rules.filter((r) => !r.continuous)) {
    const days = input.copyDays ?? rule.deleteAfterDays;
    const prop = input.copyDays !== undefined ? 'copyRetention' : `retention.${rule.retentionKey} (kept by the copies)`;
    const value = `${days} days`;
    if (days < MIN_RETENTION_DAYS) fail([{ prop, allowed: `be at least ${MIN_RETENTION_DAYS} days`, value }]);
    if (lock && days < lock.lockMinRetention.toDays()) {
      fail([{ prop, allowed: `be at least the copy target's vault lock minRetention of ${lock.lockMinRetention.toDays()} days`, value }]);
    }
    if (lock?.lockMaxRetention && days > lock.lockMaxRetention.toDays()) {
      fail([{ prop, allowed: `be at most the copy target's vault lock maxRetention of ${lock.lockMaxRetention.toDays()} days`, value }]);
    }
    fail(coldStorageProblems('copyMoveToColdStorageAfter', input.coldDays, days, prop));
  }
}
