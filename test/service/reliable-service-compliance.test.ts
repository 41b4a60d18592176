import { Stack, aws_cloudwatch_actions as actions, aws_ecs as ecs, aws_sns as sns } from 'aws-cdk-lib';
import { formatFindings } from '../../examples/compliance/findings';
import { synthWithCompliance } from '../../examples/compliance/synth';
import { AlertingStack } from '../../examples/stacks/alerting-stack';
import { ServiceStack } from '../../examples/stacks/service-example';
import { ReliableService, ServiceDeploymentStrategy } from '../../src';

const env = { account: '111111111111', region: 'us-east-1' };

describe('ReliableService compliance', () => {
  test('the example service (HTTPS, rolling) has zero unacknowledged findings under every pack', () => {
    const result = synthWithCompliance((app) => {
      const alerting = new AlertingStack(app, 'Alerting', { env });
      new ServiceStack(app, 'Service', { env, pageTopic: alerting.pageTopic, ticketTopic: alerting.ticketTopic });
    });
    expect(formatFindings(result.findings)).toBe('');
    // Every acknowledgement of the service carries a reason a reviewer can check.
    const ours = result.acknowledgements.filter((a) => a.constructPath.startsWith('Service/'));
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.filter((a) => a.reason.length <= 40)).toEqual([]);
  });

  test('blue/green and plain-HTTP variants have zero unacknowledged findings under every pack', () => {
    const result = synthWithCompliance((app) => {
      const stack = new Stack(app, 'Variants', { env });
      const topic = sns.Topic.fromTopicArn(stack, 'Topic', 'arn:aws:sns:us-east-1:111111111111:alerts');
      const alarmActions = { page: [new actions.SnsAction(topic)], ticket: [new actions.SnsAction(topic)] };
      const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:1.27');
      new ReliableService(stack, 'BlueGreen', {
        image,
        containerPort: 8080,
        healthCheckPath: '/',
        allowPlainHttp: true,
        alarmActions,
        deploymentStrategy: ServiceDeploymentStrategy.blueGreen(),
      });
    });
    expect(formatFindings(result.findings)).toBe('');
  });
});
