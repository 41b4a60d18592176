/**
 * Deploy semantics of ChaosFisExperiment: each test encodes one AWS documentation fact the
 * synthesized template relies on at run time, and names its source.
 */
import { App, Duration, Stack, aws_cloudwatch as cloudwatch, aws_ec2 as ec2, aws_ecs as ecs, aws_s3 as s3 } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ALARM_ARN, importedTargets, policyStatements, statementsFor } from './fixtures';
import { ChaosFisExperiment, FisAction, FisSelection, FisTarget } from '../../src/chaos';
import {
  experimentTemplateProblems,
  FIS_ACTION_PARAMETERS,
  FIS_TARGET_PARAMETERS,
  parseFisDuration,
} from '../../src/chaos/fis-rules';

function zoneLoss(duration = Duration.minutes(20)) {
  const app = new App({ context: { 'availability-zones:account=111111111111:region=us-east-1': ['us-east-1a', 'us-east-1b'] } });
  const stack = new Stack(app, 'Chaos', { env: { account: '111111111111', region: 'us-east-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'app', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  const taskDefinition = new ecs.FargateTaskDefinition(stack, 'Task');
  taskDefinition.addContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest') });
  const service = new ecs.FargateService(stack, 'Service', { cluster, taskDefinition });
  const alarm = cloudwatch.Alarm.fromAlarmArn(stack, 'Page', ALARM_ARN);
  new ChaosFisExperiment(stack, 'ZoneLoss', {
    description: `Losing us-east-1a for ${duration.toHumanString()}`,
    actions: FisAction.azPowerInterruption({ availabilityZone: 'us-east-1a', duration, services: [service] }),
    stopConditions: [alarm],
  });
  const template = Template.fromStack(stack);
  const properties = Object.values(template.findResources('AWS::FIS::ExperimentTemplate'))[0].Properties;
  return { stack, vpc, template, properties };
}

describe('deploy semantics: FIS targets', () => {
  // AWS FIS User Guide, "Targets for AWS FIS", Resource parameters
  // (https://docs.aws.amazon.com/fis/latest/userguide/targets.html#target-parameters): aws:ecs:task
  // takes cluster and service only; availabilityZoneIdentifier exists for EBS volumes, subnets,
  // EKS pods and ElastiCache replication groups. An unknown parameter is not a zone selector.
  test('aws:ecs:task takes only cluster and service; the zone is a filter on the task\'s AvailabilityZone', () => {
    expect(FIS_TARGET_PARAMETERS['aws:ecs:task']).toEqual(['cluster', 'service']);
    expect(FIS_TARGET_PARAMETERS['aws:ec2:subnet']).toContain('availabilityZoneIdentifier');
    const { properties } = zoneLoss();
    const taskTargets = Object.values<any>(properties.Targets).filter((t) => t.ResourceType === 'aws:ecs:task');
    expect(taskTargets).toHaveLength(1);
    expect(Object.keys(taskTargets[0].Parameters).sort()).toEqual(['cluster', 'service']);
    // AWS FIS User Guide, "Targets for AWS FIS", Resource filters; ECS API Reference, Task:
    // availabilityZone is the zone name the task runs in.
    expect(taskTargets[0].Filters).toEqual([{ Path: 'AvailabilityZone', Values: ['us-east-1a'] }]);
    expect(experimentTemplateProblems(properties)).toEqual([]);
  });

  // Same source: a target parameter the resource type does not take is refused at synth.
  test('a custom aws:ecs:task target with availabilityZoneIdentifier is refused at synth', () => {
    const { stack, service, alarm } = importedTargets();
    const target = FisTarget.fromParameters('aws:ecs:task',
      { cluster: 'shop', service: 'web', availabilityZoneIdentifier: 'us-east-1a' }, { selection: FisSelection.all() });
    expect(() => new ChaosFisExperiment(stack, 'Experiment', {
      description: 'd', actions: [FisAction.custom({ actionId: 'aws:ecs:stop-task', target, statements: FisAction.ecsStopTasks({ service }).statements })], stopConditions: [alarm],
    })).toThrow('ChaosFisExperiment \'Experiment\': actions["stop-task"] target: aws:ecs:task takes only the target parameters cluster, service, got "availabilityZoneIdentifier"');
  });

  // AWS FIS User Guide, "Targets for AWS FIS": the targets reference lists no parameter for
  // aws:ec2:subnet resolved by ARN; the experiment names each subnet of the zone by ARN.
  test('the zone\'s subnets are named by ARN, every one of them in the zone and none elsewhere', () => {
    const { stack, vpc, properties } = zoneLoss();
    const subnets = Object.values<any>(properties.Targets).find((t) => t.ResourceType === 'aws:ec2:subnet');
    const arns = JSON.stringify(subnets.ResourceArns);
    for (const subnet of vpc.isolatedSubnets) {
      const id = JSON.stringify(stack.resolve(subnet.subnetId));
      if (subnet.availabilityZone === 'us-east-1a') expect(arns).toContain(id);
      else expect(arns).not.toContain(id);
    }
  });
});

describe('deploy semantics: FIS actions', () => {
  // AWS FIS Actions reference, aws:ecs:stop-task (https://docs.aws.amazon.com/fis/latest/userguide/fis-actions-reference.html#stop-task):
  // no parameters, so no duration: the tasks stop at once and the ECS service scheduler replaces
  // them wherever placement allows (Amazon ECS Developer Guide, "Amazon ECS services"). Only a timed
  // action (aws:network:disrupt-connectivity, duration PT1M-PT12H) keeps the zone down.
  test('aws:ecs:stop-task is instantaneous, so the zone is held down by a network action lasting the stated duration', () => {
    expect(FIS_ACTION_PARAMETERS['aws:ecs:stop-task'].parameters).toEqual([]);
    const { properties } = zoneLoss(Duration.minutes(45));
    const actions = Object.values<any>(properties.Actions);
    const stop = actions.find((a) => a.ActionId === 'aws:ecs:stop-task');
    expect(stop.Parameters).toBeUndefined();
    const network = actions.find((a) => a.ActionId === 'aws:network:disrupt-connectivity');
    expect(parseFisDuration(network.Parameters.duration)).toBe(45 * 60);
    expect(network.Parameters.scope).toBe('all');
    // Both start with the experiment (no startAfter): ECS cannot refill the zone between them.
    expect(stop.StartAfter).toBeUndefined();
    expect(network.StartAfter).toBeUndefined();
    expect(properties.Description).toBe('Losing us-east-1a for 45 minutes');
  });

  // AWS FIS Actions reference: durations are ISO 8601 strings (PT1M is one minute), one minute to
  // 12 hours for aws:network:disrupt-connectivity; a value outside is refused before deploy.
  test('an ISO 8601 duration FIS would reject is refused at synth, even in a custom action', () => {
    const { alarm } = importedTargets();
    const target = FisTarget.fromArns('aws:ec2:subnet', ['arn:aws:ec2:us-east-1:111111111111:subnet/subnet-a']);
    const experiment = (duration: string) => () => new ChaosFisExperiment(new Stack(new App(), 'S', { env: { region: 'us-east-1' } }), 'E', {
      description: 'd', actions: [FisAction.custom({ actionId: 'aws:network:disrupt-connectivity', target, parameters: { duration, scope: 'all' } })], stopConditions: [alarm],
    });
    expect(experiment('PT13H')).toThrow('actions["disrupt-connectivity"] aws:network:disrupt-connectivity parameter duration must be between 60 and 43200 seconds, got "PT13H"');
    expect(experiment('20 minutes')).toThrow('parameter duration must be an ISO 8601 duration like PT5M, got "20 minutes"');
    expect(experiment('PT20M')).not.toThrow();
  });
});

describe('deploy semantics: who FIS is and what it writes', () => {
  // AWS FIS User Guide, "IAM roles for AWS FIS experiments" and "Cross-service confused deputy
  // prevention": the role trusts fis.amazonaws.com, limited by aws:SourceAccount and aws:SourceArn.
  test('the experiment role trusts fis.amazonaws.com for experiments of this account only', () => {
    const { template } = zoneLoss();
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { Service: 'fis.amazonaws.com' },
          Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } }, ArnLike: { 'aws:SourceArn': Match.anyValue() } },
        }],
      },
    });
  });

  // AWS FIS User Guide, "Experiment logging" (permissions): FIS delivers the log as a vended log,
  // with logs:CreateLogDelivery, PutResourcePolicy, DescribeResourcePolicies, DescribeLogGroups on the
  // experiment role. Amazon CloudWatch Logs User Guide, "Encrypt log data in CloudWatch Logs using
  // AWS KMS": CloudWatch Logs (logs.<region>.amazonaws.com) encrypts the group's data itself, so the
  // key policy must allow that principal, scoped with kms:EncryptionContext:aws:logs:arn; the writer
  // role needs no key permission.
  test('the encrypted experiment log: FIS role may set up log delivery; the key lets CloudWatch Logs encrypt for this account only', () => {
    const { template } = zoneLoss();
    const delivery = statementsFor(template, 'logs:CreateLogDelivery')[0];
    expect(delivery.Action).toEqual(['logs:CreateLogDelivery', 'logs:PutResourcePolicy', 'logs:DescribeResourcePolicies', 'logs:DescribeLogGroups']);
    const key = Object.values(template.findResources('AWS::KMS::Key'))[0] as any;
    const logs = key.Properties.KeyPolicy.Statement.find((st: any) => st.Sid === 'AllowCloudWatchLogs');
    expect(logs.Principal).toEqual({ Service: 'logs.us-east-1.amazonaws.com' });
    expect(logs.Action).toEqual(expect.arrayContaining(['kms:Encrypt*', 'kms:Decrypt*', 'kms:GenerateDataKey*']));
    expect(JSON.stringify(logs.Condition.ArnLike['kms:EncryptionContext:aws:logs:arn'])).toContain(':logs:us-east-1:111111111111:log-group:*');
    expect(policyStatements(template).flatMap((s) => [].concat(s.Action)).filter((a: string) => a.startsWith('kms:'))).toEqual([]);
  });

  // AWS FIS User Guide, "Experiment reports" (permissions): FIS writes the report to S3 with the
  // experiment role. Amazon S3 User Guide, "Using server-side encryption with AWS KMS keys
  // (SSE-KMS)": PutObject needs kms:GenerateDataKey and GetObject kms:Decrypt on the bucket's key.
  test('a report bucket encrypted with a customer-managed key: the role may use the key through S3, in a customer-managed policy', () => {
    const { stack, service, alarm } = importedTargets();
    const bucket = new s3.Bucket(stack, 'Reports', { encryption: s3.BucketEncryption.KMS, enforceSSL: true });
    new ChaosFisExperiment(stack, 'Experiment', {
      description: 'd', actions: [FisAction.ecsStopTasks({ service })], stopConditions: [alarm], experimentReport: { bucket },
    });
    const template = Template.fromStack(stack);
    // NIST 800-53 / HIPAA / PCI packs refuse inline policies: nothing goes to a DefaultPolicy.
    template.resourceCountIs('AWS::IAM::Policy', 0);
    const kms = statementsFor(template, 'kms:GenerateDataKey');
    expect(kms).toHaveLength(1);
    expect(kms[0].Action).toEqual(['kms:GenerateDataKey', 'kms:Decrypt']);
    expect(JSON.stringify(kms[0].Resource)).toMatch(/ReportsKey.*Arn/);
    expect(kms[0].Condition).toEqual({ StringEquals: { 'kms:ViaService': { 'Fn::Join': ['', ['s3.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } } });
  });
});
