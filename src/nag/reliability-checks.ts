import { CfnResource, PolicyValidationPluginReport, Stack } from 'aws-cdk-lib';
import { NagPack, NagPackProps, NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { recordValidationPlugins } from './plugin-manifest';
import { UnresolvableValue } from './resolve';
import { ReliabilityRule, Unresolved, UNRESOLVED_FINDING, Verdict } from './rule';
import { RELIABILITY_RULES } from './rules';
import { StackIndex } from './stack-index';

/** Rules by the CloudFormation type they look at: most resources match no rule and cost one map lookup. */
const RULES_BY_TYPE: ReadonlyMap<string, readonly ReliabilityRule[]> = (() => {
  const byType = new Map<string, ReliabilityRule[]>();
  for (const rule of RELIABILITY_RULES) {
    for (const type of rule.resourceTypes) {
      byType.set(type, [...(byType.get(type) ?? []), rule]);
    }
  }
  return byType;
})();

/**
 * Reliability checks: a cdk-nag v3 rule pack for the single points of failure and the
 * missing safety nets of any CDK app (one-AZ services, unrolled-back deployments, data
 * without backups, queues without dead-letter queues, alarms nobody hears, chaos
 * experiments that cannot stop). Every rule names the AWS Well-Architected Reliability
 * best practice it enforces.
 *
 * Register it like any cdk-nag pack:
 * `Validations.of(app).addPlugins(new ReliabilityChecks(app))`.
 * Constructed with the app (or a stage), it also records in the cloud assembly which
 * validation plugins the app registered, so `cdk-reliability report` can tell a pack that ran
 * and found nothing from a pack that never ran.
 *
 * A value a rule cannot resolve at synth time (a parameter, an import, an intrinsic)
 * never passes: it is reported as `Reliability-<Name>[Unresolved]`, or as the finding
 * itself for rules that need a literal value. A rule that fails for any other reason
 * (a bug of this library) is reported as `Reliability-<Name>` with the error's message,
 * as cdk-nag reports a rule that throws, and never as a pass.
 */
export class ReliabilityChecks extends NagPack {
  /** The prefix of every rule id of this pack. */
  public static readonly PACK_NAME = 'Reliability';

  public readonly name = ReliabilityChecks.PACK_NAME;

  /** The ids of every rule of this pack, e.g. `Reliability-RDSMultiAZ`. */
  public readonly ruleIds?: string[] = RELIABILITY_RULES.map((rule) => `${ReliabilityChecks.PACK_NAME}-${rule.name}`);

  private indexes = new Map<Stack, StackIndex>();

  constructor(scope?: IConstruct, props?: NagPackProps) {
    super(scope, props);
    this.packName = ReliabilityChecks.PACK_NAME;
    if (scope) recordValidationPlugins(scope);
  }

  /**
   * Validates a construct tree; each run gets fresh stack indexes, so changes made to the
   * tree between two runs are always seen.
   */
  public validateScope(scope: IConstruct): PolicyValidationPluginReport {
    this.indexes = new Map();
    try {
      return super.validateScope(scope);
    } finally {
      this.indexes = new Map();
    }
  }

  protected checkResource(node: CfnResource): void {
    const rules = RULES_BY_TYPE.get(node.cfnResourceType);
    if (!rules) return;
    for (const rule of rules) {
      const outcome = this.outcomeOf(rule, node);
      if (outcome.error !== undefined) {
        this.applyRule({
          ruleSuffixOverride: rule.name,
          info: `Rule threw an error during validation: ${outcome.error}. This is a bug in cdk-reliability, not in your app: `
            + `please report it with this message. Until it is fixed, check by hand: "${rule.info}" (Well-Architected ${rule.bestPractice})`,
          explanation: `${rule.explanation} Fix: ${rule.fix}`,
          level: rule.level,
          node,
          rule: () => NagRuleCompliance.NON_COMPLIANT,
        });
        continue;
      }
      const result = toNagResult(rule, outcome.verdict);
      const unresolved = Array.isArray(result);
      this.applyRule({
        ruleSuffixOverride: rule.name,
        info: unresolved
          ? `Cannot be checked at synth time: a value this rule needs is a parameter, an import or an intrinsic function. Verify by hand that this is not the case, then acknowledge: "${rule.info}" (Well-Architected ${rule.bestPractice})`
          : `${rule.info} (Well-Architected ${rule.bestPractice})`,
        explanation: `${rule.explanation} Fix: ${rule.fix}`,
        level: rule.level,
        node,
        rule: () => result,
      });
    }
  }

  /**
   * Runs one rule. A value it cannot resolve (UnresolvableValue) is an UNKNOWN verdict; anything
   * else it throws is a bug of the rule, returned with its message to be reported as such. The
   * pack itself never throws: one broken rule must not hide the findings of the others.
   */
  private outcomeOf(rule: ReliabilityRule, node: CfnResource): RuleOutcome {
    try {
      return { verdict: rule.check(node, this.indexOf(node)) };
    } catch (error) {
      if (error instanceof UnresolvableValue) return { verdict: Verdict.UNKNOWN };
      return { verdict: Verdict.UNKNOWN, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  }

  private indexOf(node: CfnResource): StackIndex {
    const stack = Stack.of(node);
    let index = this.indexes.get(stack);
    if (!index) {
      index = new StackIndex(stack);
      this.indexes.set(stack, index);
    }
    return index;
  }
}

/** What running one rule on one resource gave: a verdict, or the message of the error it threw. */
interface RuleOutcome {
  readonly verdict: Verdict;
  /** Set when the rule threw anything but UnresolvableValue. */
  readonly error?: string;
}

function toNagResult(rule: ReliabilityRule, verdict: Verdict): NagRuleResult {
  switch (verdict) {
    case Verdict.COMPLIANT: return NagRuleCompliance.COMPLIANT;
    case Verdict.NON_COMPLIANT: return NagRuleCompliance.NON_COMPLIANT;
    case Verdict.NOT_APPLICABLE: return NagRuleCompliance.NOT_APPLICABLE;
    default:
      return rule.whenUnresolved === Unresolved.NON_COMPLIANT ? NagRuleCompliance.NON_COMPLIANT : [UNRESOLVED_FINDING];
  }
}
