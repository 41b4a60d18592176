import { CfnResource } from 'aws-cdk-lib';
import { CfnPlan } from 'aws-cdk-lib/aws-arcregionswitch';
import { NagMessageLevel } from 'cdk-nag';
import { field, list, resolve, str } from '../resolve';
import { allOf, ReliabilityRule, Unresolved, Verdict } from '../rule';

/** The execution blocks that move traffic. */
export const ROUTING_BLOCK_TYPES = ['Route53HealthCheck', 'ARCRoutingControl'];

/**
 * Every activate workflow of an ARC Region switch plan has a routing step (a Route 53 health check or an ARC routing
 * control block, directly or inside a parallel block). A workflow whose only routing could be in a child plan
 * (ARCRegionSwitchPlan block) is UNKNOWN: the child is another plan.
 */
export const RegionSwitchPlanRouting: ReliabilityRule = {
  name: 'RegionSwitchPlanRouting',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::ARCRegionSwitch::Plan'],
  bestPractice: 'REL13-BP03',
  info: 'A workflow of the Region switch plan activates a Region without moving traffic to it.',
  explanation: 'Scaling up and failing over data in the standby Region recovers nothing while clients still resolve to the failed Region.',
  fix: 'Add a Route53HealthCheck or ARCRoutingControl step to each activate workflow (MultiRegionRecovery `routing`).',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node) => {
    if (!(node instanceof CfnPlan)) return Verdict.NOT_APPLICABLE;
    const workflows = (list(node, node.workflows, 'Workflows') ?? []).map((w) => resolve(node, w));
    const activates = workflows.filter((w) => str(node, field(w, 'workflowTargetAction'), 'WorkflowTargetAction') === 'activate');
    if (activates.length === 0) return Verdict.NON_COMPLIANT;
    return allOf(activates.map((w) => routes(node, list(node, field(w, 'steps'), 'Steps') ?? [])));
  },
};

function routes(node: CfnResource, steps: unknown[]): Verdict {
  let delegated = false;
  for (const raw of steps) {
    const step = resolve(node, raw);
    const type = str(node, field(step, 'executionBlockType'), 'ExecutionBlockType');
    if (type !== undefined && ROUTING_BLOCK_TYPES.includes(type)) return Verdict.COMPLIANT;
    if (type === 'Parallel') {
      const inner = list(node, field(field(field(step, 'executionBlockConfiguration'), 'parallelConfig'), 'steps'), 'Parallel steps') ?? [];
      const verdict = routes(node, inner);
      if (verdict === Verdict.COMPLIANT) return verdict;
      if (verdict === Verdict.UNKNOWN) delegated = true;
    }
    if (type === 'ARCRegionSwitchPlan') delegated = true;
  }
  return delegated ? Verdict.UNKNOWN : Verdict.NON_COMPLIANT;
}
