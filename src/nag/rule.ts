import { CfnResource } from 'aws-cdk-lib';
import { NagMessageLevel, NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { UnresolvableValue } from './resolve';
import { StackIndex } from './stack-index';

/**
 * What a rule concluded about one resource.
 *
 * UNKNOWN exists because cdk-nag's own result type has no such state: a rule that
 * cannot resolve a value must not answer COMPLIANT, and the pack decides how an
 * unknown is reported (see `Unresolved`).
 */
export enum Verdict {
  COMPLIANT = 'COMPLIANT',
  NON_COMPLIANT = 'NON_COMPLIANT',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
  UNKNOWN = 'UNKNOWN',
}

/** How the pack reports a rule that could not resolve a value it needs (a token, a parameter, an import). */
export enum Unresolved {
  /** Reported as the finding `Reliability-<Name>[Unresolved]`, at the rule's level: check the value, then acknowledge. */
  UNKNOWN = 'UNKNOWN',
  /** Reported as `Reliability-<Name>` itself: the rule needs a literal value to pass. */
  NON_COMPLIANT = 'NON_COMPLIANT',
}

/** The suffix of the finding reported for an unresolvable value under `Unresolved.UNKNOWN`. */
export const UNRESOLVED_FINDING = 'Unresolved';

/**
 * A check: a pure function of one resource and the resources of its stack. It throws
 * `UnresolvableValue` (see resolve.ts) for a value only CloudFormation knows; anything else it
 * throws is reported by the pack as a bug of the rule.
 */
export type RuleCheck = (node: CfnResource, stack: StackIndex) => Verdict;

/** One rule of the ReliabilityChecks pack: its check and everything the report and the README show. */
export interface ReliabilityRule {
  /** The id suffix: the finding is `Reliability-<name>`. */
  readonly name: string;
  /** ERROR when the failure loses data or takes the service down, WARN when it weakens it. */
  readonly level: NagMessageLevel;
  /** CloudFormation types the rule looks at; the pack runs the rule on these types only. */
  readonly resourceTypes: readonly string[];
  /** The AWS Well-Architected Reliability best practice, e.g. `REL10-BP01`. */
  readonly bestPractice: string;
  /** Why the rule was triggered (one sentence, shown in the report). */
  readonly info: string;
  /** Why the rule exists. */
  readonly explanation: string;
  /** How to fix a finding, with the aws-cdk-lib property to set. */
  readonly fix: string;
  /** How an unresolvable value is reported. */
  readonly whenUnresolved: Unresolved;
  readonly check: RuleCheck;
}

/** Maps a cdk-nag rule result onto a verdict, so cdk-nag's own rules can be reused as building blocks. */
export function fromNag(result: NagRuleResult): Verdict {
  if (Array.isArray(result)) return result.length === 0 ? Verdict.COMPLIANT : Verdict.NON_COMPLIANT;
  switch (result) {
    case NagRuleCompliance.COMPLIANT: return Verdict.COMPLIANT;
    case NagRuleCompliance.NON_COMPLIANT: return Verdict.NON_COMPLIANT;
    default: return Verdict.NOT_APPLICABLE;
  }
}

/**
 * Runs one of cdk-nag's own rules as a building block. A cdk-nag rule throws when a value it reads
 * resolves to an intrinsic function (cdk-nag's NagRules.resolveIfPrimitive), which is what cdk-nag
 * itself reports as "generally caused by a parameter referencing an intrinsic function": here that
 * throw is an unresolvable value, the rule's UNKNOWN.
 */
export function nagVerdict(rule: (node: CfnResource) => NagRuleResult, node: CfnResource): Verdict {
  let result: NagRuleResult;
  try {
    result = rule(node);
  } catch (error) {
    throw new UnresolvableValue(`a value cdk-nag's ${rule.name} reads (${error instanceof Error ? error.message : String(error)})`);
  }
  return fromNag(result);
}

/** COMPLIANT when `ok`, otherwise NON_COMPLIANT. */
export function verdict(ok: boolean): Verdict {
  return ok ? Verdict.COMPLIANT : Verdict.NON_COMPLIANT;
}

/**
 * Combines per-item verdicts where every item must pass (e.g. every replica):
 * any NON_COMPLIANT wins, then UNKNOWN, then COMPLIANT; no applicable item is NOT_APPLICABLE.
 */
export function allOf(verdicts: readonly Verdict[]): Verdict {
  const applicable = verdicts.filter((v) => v !== Verdict.NOT_APPLICABLE);
  if (applicable.length === 0) return Verdict.NOT_APPLICABLE;
  if (applicable.includes(Verdict.NON_COMPLIANT)) return Verdict.NON_COMPLIANT;
  if (applicable.includes(Verdict.UNKNOWN)) return Verdict.UNKNOWN;
  return Verdict.COMPLIANT;
}

/** Combines verdicts where one passing item is enough (e.g. one cross-region copy). */
export function anyOf(verdicts: readonly Verdict[]): Verdict {
  const applicable = verdicts.filter((v) => v !== Verdict.NOT_APPLICABLE);
  if (applicable.length === 0) return Verdict.NOT_APPLICABLE;
  if (applicable.includes(Verdict.COMPLIANT)) return Verdict.COMPLIANT;
  if (applicable.includes(Verdict.UNKNOWN)) return Verdict.UNKNOWN;
  return Verdict.NON_COMPLIANT;
}
