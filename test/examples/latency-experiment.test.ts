import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildExampleApp } from '../../examples/example-app';
import { ServiceStack } from '../../examples/stacks/service-example';

/** The export of `producer` whose value is `value`, as the consumer stack imports it. */
function importOf(producer: Template, value: unknown): { 'Fn::ImportValue': string } {
  const outputs = producer.toJSON().Outputs ?? {};
  const found = Object.values<any>(outputs).find((o) => JSON.stringify(o.Value) === JSON.stringify(value));
  if (!found) throw new Error(`no export of ${JSON.stringify(value)}`);
  return { 'Fn::ImportValue': found.Export.Name };
}

describe('example app: 200 ms latency experiment on the Checkout service', () => {
  const app = new App();
  buildExampleApp(app);
  const checkoutStack = app.node.findChild('Checkout') as ServiceStack;
  const checkout = Template.fromStack(checkoutStack);
  const chaos = Template.fromStack(app.node.findChild('Chaos') as Stack);
  const logicalId = (c: { node: { defaultChild?: unknown } }) => checkoutStack.getLogicalId(c.node.defaultChild as never);
  const service = checkoutStack.service;

  test('the experiment exists and injects 200 ms towards DynamoDB through the ECS fault injection endpoints', () => {
    const experiments = Object.values<any>(chaos.findResources('AWS::FIS::ExperimentTemplate'))
      .filter((e) => Object.values<any>(e.Properties.Actions).some((a) => a.ActionId === 'aws:ecs:task-network-latency'));
    expect(experiments).toHaveLength(1);
    const action: any = Object.values(experiments[0].Properties.Actions)[0];
    expect(action.Parameters).toMatchObject({ delayMilliseconds: '200', sources: 'DYNAMODB', useEcsFaultInjectionEndpoints: 'true' });
  });

  test('its target is the tasks of the ReliableService, whose task definition enables fault injection and pidMode task', () => {
    const experiment: any = Object.values<any>(chaos.findResources('AWS::FIS::ExperimentTemplate'))
      .find((e) => Object.values<any>(e.Properties.Actions).some((a) => a.ActionId === 'aws:ecs:task-network-latency'));
    const action: any = Object.values(experiment.Properties.Actions)[0];
    const target = experiment.Properties.Targets[action.Targets.Tasks];
    expect(target.ResourceType).toBe('aws:ecs:task');
    expect(target.Parameters).toEqual({
      cluster: importOf(checkout, { Ref: logicalId(service.cluster) }),
      service: importOf(checkout, { 'Fn::GetAtt': [logicalId(service.service), 'Name'] }),
    });
    // The service those tasks belong to runs the task definition the experiment was checked against.
    checkout.hasResource('AWS::ECS::Service', {
      Properties: { TaskDefinition: { Ref: logicalId(service.taskDefinition) } },
    });
    const taskDefinition = checkout.toJSON().Resources[logicalId(service.taskDefinition)];
    expect(taskDefinition.Properties).toMatchObject({
      EnableFaultInjection: true,
      PidMode: 'task',
      RuntimePlatform: { OperatingSystemFamily: 'LINUX', CpuArchitecture: 'X86_64' },
    });
  });
});
