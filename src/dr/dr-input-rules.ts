import { Duration, Token } from 'aws-cdk-lib';
import { formatMinutes } from './objective-checks';
import { StrategyRange, UnmetObjective, unmetRto } from './strategy-ranges';
import { propError, ReliabilityValidationError } from '../common/errors';

/**
 * Input checks of the DR constructs that need no AWS types beyond Duration: time zones, Region names in
 * vault ARNs, durations that must be known at synth. Each throws the house error.
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
