import { aws_arcregionswitch as arc } from 'aws-cdk-lib';
import { RecoveryRouting } from './recovery-routing';

/** One Region's copy of the service, as ARNs. */
export interface RegionalService {
  readonly region: string;
  readonly serviceArn: string;
  readonly clusterArn: string;
}

/** What the workflows are built from. */
export interface WorkflowInputs {
  readonly owner: string;
  readonly primary: RegionalService;
  readonly standby: RegionalService;
  readonly routing: RecoveryRouting;
}

/**
 * One activate workflow per Region, the standby's first (the failover), the primary's second (the failback). Each
 * scales the activated Region's service to the other Region's task count, then moves the traffic: capacity before
 * traffic, so the Region is not flooded at reduced capacity. DynamoDB global table replicas accept writes in every
 * Region, so no data step is needed for them.
 */
export function regionSwitchWorkflows(inputs: WorkflowInputs): Array<arc.CfnPlan.WorkflowProperty & { steps: arc.CfnPlan.StepProperty[] }> {
  return [inputs.standby, inputs.primary].map((target) => {
    const other = target === inputs.standby ? inputs.primary : inputs.standby;
    return {
      workflowTargetAction: 'activate',
      workflowTargetRegion: target.region,
      workflowDescription: `Activate ${target.region}: scale the service up to ${other.region}'s task count, then move the traffic`,
      steps: [
        {
          name: 'ScaleUpService',
          description: `Scale the ECS service in ${target.region} to 100 % of the running tasks in ${other.region}`,
          executionBlockType: 'ECSServiceScaling',
          executionBlockConfiguration: {
            ecsCapacityIncreaseConfig: {
              // The block reads the deactivated Region's task count and scales the activated Region's service to match.
              services: [inputs.primary, inputs.standby].map((s) => ({ clusterArn: s.clusterArn, serviceArn: s.serviceArn })),
              targetPercent: 100,
              timeoutMinutes: 30,
            },
          },
        },
        inputs.routing._step({ owner: inputs.owner, targetRegion: target.region }),
      ],
    };
  });
}
