import { App, Duration, Stack, aws_certificatemanager as acm, aws_ecr as ecr, aws_ecs as ecs, aws_sns as sns } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { formatFindings } from '../../examples/compliance/findings';
import { synthWithCompliance } from '../../examples/compliance/synth';
import { AlertingStack } from '../../examples/stacks/alerting-stack';
import { addBlueGreenPipeline } from '../../examples/stacks/pipeline-example';
import { EXAMPLE_CERTIFICATE_ARN, ServiceStack } from '../../examples/stacks/service-example';
import { BlueGreenPipeline, PipelineSource, ReliableService, ServiceDeploymentStrategy, TrafficShift } from '../../src';

const env = { account: '111111111111', region: 'us-east-1' };

describe('pipeline example with the example ReliableService', () => {
  test('deploys the ReliableService blue/green at zero unacknowledged findings under every pack', () => {
    let serviceStack: ServiceStack | undefined;
    const result = synthWithCompliance((app) => {
      const alerting = new AlertingStack(app, 'Alerting', { env });
      serviceStack = new ServiceStack(app, 'Service', { env, pageTopic: alerting.pageTopic, ticketTopic: alerting.ticketTopic });
      const api = serviceStack.service;
      addBlueGreenPipeline(serviceStack, {
        service: api.service,
        listener: api.listener,
        targetGroup: api.targetGroup,
        pageAlarm: api.slos.pageAlarm,
        alternateTargetGroup: api.alternateTargetGroup,
        testListener: api.testListener,
        rollbackAlarms: api.deploymentAlarms,
        approvalTopic: alerting.ticketTopic,
      });
    });
    expect(formatFindings(result.findings)).toBe('');
    const template = Template.fromStack(serviceStack!);
    template.hasResourceProperties('AWS::ECS::Service', {
      DeploymentConfiguration: {
        Strategy: 'CANARY',
        BakeTimeInMinutes: 10,
        CanaryConfiguration: { CanaryPercent: 10, CanaryBakeTimeInMinutes: 5 },
      },
    });
  });
});

describe('BlueGreenPipeline.reliableServiceStage with a ReliableService already wired for blue/green', () => {
  test('the pipeline reuses its alternate target group and test listener and adds only the hook', () => {
    const app = new App();
    const stack = new Stack(app, 'Svc', { env });
    const api = new ReliableService(stack, 'Api', {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:1.27'),
      containerPort: 8080,
      healthCheckPath: '/',
      certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', EXAMPLE_CERTIFICATE_ARN),
      deploymentStrategy: ServiceDeploymentStrategy.blueGreen(),
    });
    const pipeline = new BlueGreenPipeline(stack, 'Pipeline', {
      source: PipelineSource.ecr({ repository: ecr.Repository.fromRepositoryName(stack, 'Repo', 'api') }),
      stages: [BlueGreenPipeline.reliableServiceStage(api, { stageName: 'Prod', manualApproval: { notificationTopic: new sns.Topic(stack, 'Approvals') } })],
      trafficShift: TrafficShift.canary(10, Duration.minutes(5)),
    });
    const template = Template.fromStack(stack);
    // Only the service's own listeners (HTTPS, redirect, test): the pipeline adds none.
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 3);
    expect(pipeline.deployments[0].testListener).toBe(api.testListener);
    expect(pipeline.rollbackAlarms).toEqual(expect.arrayContaining([api.slos.pageAlarm, ...api.deploymentAlarms]));
    expect(pipeline.rollbackAlarms).toHaveLength(new Set([api.slos.pageAlarm, ...api.deploymentAlarms]).size);
    const service = Object.values(template.findResources('AWS::ECS::Service'))[0].Properties;
    expect(service.DeploymentConfiguration.Strategy).toBe('CANARY');
    expect(service.DeploymentConfiguration.LifecycleHooks).toHaveLength(1);
    // The page alarm is watched once although both the service and the pipeline name it.
    const names = (service.DeploymentConfiguration.Alarms.AlarmNames as unknown[]).map((n) => JSON.stringify(n));
    expect(new Set(names).size).toBe(names.length);
  });
});
