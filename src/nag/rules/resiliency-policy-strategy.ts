import { CfnResource, Stack } from 'aws-cdk-lib';
import { CfnPlan } from 'aws-cdk-lib/aws-arcregionswitch';
import { CfnResiliencyPolicy } from 'aws-cdk-lib/aws-resiliencehub';
import { NagMessageLevel } from 'cdk-nag';
import { strategyRange } from '../../dr/strategy-ranges';
import { field, known, num, resolve } from '../resolve';
import { ReliabilityRule, Unresolved, verdict, Verdict } from '../rule';
import { StackIndex } from '../stack-index';

/**
 * A Resilience Hub policy's Region RTO is one the app's architecture can meet: backup and restore meets no Region RTO
 * under 4 hours (the DR whitepaper's "hours", see RecoveryStrategy), so a shorter one needs an ARC Region switch plan
 * somewhere in the app whose RecoveryTimeObjectiveMinutes is at most the policy's RTO. Policies without a Region
 * entry promise nothing for a Regional failure: not applicable. Unresolvable RTOs: UNKNOWN.
 */
export const ResiliencyPolicyStrategy: ReliabilityRule = {
  name: 'ResiliencyPolicyStrategy',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::ResilienceHub::ResiliencyPolicy'],
  bestPractice: 'REL13-BP02',
  info: 'The resiliency policy declares a Region RTO the app\'s recovery strategy cannot meet.',
  explanation: 'Backup and restore rebuilds the Region after the disaster and takes hours; an RTO under 4 hours needs a pilot light, warm standby or active/active recovery with a Region switch plan.',
  fix: 'Add a MultiRegionRecovery (warm standby or pilot light) whose plan RTO is at most the policy\'s, or declare a Region RTO of at least 4 hours.',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node, index) => {
    if (!(node instanceof CfnResiliencyPolicy)) return Verdict.NOT_APPLICABLE;
    const region = field(known(node, node.policy, 'Policy'), 'Region');
    if (region === undefined) return Verdict.NOT_APPLICABLE;
    const rtoSeconds = num(node, field(resolve(node, region), 'rtoInSecs'), 'Policy.Region.RtoInSecs');
    if (rtoSeconds === undefined) return Verdict.NOT_APPLICABLE;
    const rtoMinutes = rtoSeconds / 60;
    if (rtoMinutes >= strategyRange('BACKUP_AND_RESTORE').rtoFloorMinutes) return Verdict.COMPLIANT;
    return verdict(planRtos(index).some((planRto) => planRto <= rtoMinutes));
  },
};

/** The RTOs of every Region switch plan in the app: a standby usually lives in another stack (its own Region). */
function planRtos(index: StackIndex): number[] {
  return index.memo('region-switch-plan-rtos', () => Stack.of(index.stack).node.root.node.findAll()
    .filter((c): c is CfnPlan => c instanceof CfnResource && c.cfnResourceType === 'AWS::ARCRegionSwitch::Plan')
    .map((plan) => Stack.of(plan).resolve(plan.recoveryTimeObjectiveMinutes))
    .filter((minutes): minutes is number => typeof minutes === 'number'));
}
