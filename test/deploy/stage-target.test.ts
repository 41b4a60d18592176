import { aws_elasticloadbalancingv2 as elbv2, aws_ecs as ecs } from 'aws-cdk-lib';
import { serviceParts } from './fixtures';
import { readStageTarget } from '../../src/deploy/stage-target';

describe('readStageTarget', () => {
  test('reads the controller, container, health check and listener protocol', () => {
    const parts = serviceParts({ controller: ecs.DeploymentControllerType.CODE_DEPLOY });
    const facts = readStageTarget('P', parts.service, parts.listener, parts.targetGroup, undefined);
    expect(facts).toMatchObject({
      controllerType: 'CODE_DEPLOY',
      containerName: 'app',
      containerPort: 8080,
      loadBalancerIndex: 0,
      hasAlternateTarget: false,
      targetGroupPort: 8080,
      healthCheckPath: '/health',
      healthyHttpCodes: '200-299',
      listenerProtocol: 'HTTP',
    });
  });

  test('rejects a target group the service is not registered in', () => {
    const parts = serviceParts();
    const other = new elbv2.ApplicationTargetGroup(parts.stack, 'Other', { vpc: parts.service.cluster.vpc, port: 80 });
    expect(() => readStageTarget("BlueGreenPipeline 'P'", parts.service, parts.listener, other, undefined))
      .toThrow("BlueGreenPipeline 'P': service ServiceStack/Service must be registered in productionTargetGroup ServiceStack/Other");
  });

  test('rejects a containerName that is not the one behind the target group', () => {
    const parts = serviceParts();
    expect(() => readStageTarget("BlueGreenPipeline 'P'", parts.service, parts.listener, parts.targetGroup, 'sidecar'))
      .toThrow("BlueGreenPipeline 'P': containerName must be the container behind productionTargetGroup, \"app\", got \"sidecar\"");
  });
});
