import {
  App,
  Duration,
  Stack,
  aws_cloudwatch as cloudwatch,
  aws_logs as logs,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ALARM_ARN, FAULT_READY, fargateService, importedTargets, statementsFor } from './fixtures';
import { collectAcknowledgements, formatFindings } from '../../examples/compliance/findings';
import { synthWithCompliance } from '../../examples/compliance/synth';
import {
  ChaosFisExperiment,
  ChaosFisExperimentProps,
  ChaosSchedule,
  EmptyTargetResolutionMode,
  FisAction,
  FisSelection,
} from '../../src/chaos';
import { experimentTemplateProblems } from '../../src/chaos/fis-rules';

function experiment(props: Partial<ChaosFisExperimentProps> = {}) {
  const targets = importedTargets();
  const exp = new ChaosFisExperiment(targets.stack, 'Experiment', {
    description: 'Checkout survives losing a task',
    actions: [FisAction.ecsStopTasks({ service: targets.service, selection: FisSelection.percent(30) })],
    stopConditions: [targets.alarm],
    ...props,
  });
  const template = Template.fromStack(targets.stack);
  // Every experiment these tests synthesize is one FIS accepts (FIS targets and actions reference).
  for (const resource of Object.values(template.findResources('AWS::FIS::ExperimentTemplate'))) {
    expect(experimentTemplateProblems((resource as any).Properties)).toEqual([]);
  }
  return { ...targets, exp, template };
}

describe('ChaosFisExperiment template', () => {
  test('targets, selection, action, stop condition bound to the alarm ARN, defaults', () => {
    const { template } = experiment();
    template.hasResourceProperties('AWS::FIS::ExperimentTemplate', {
      Description: 'Checkout survives losing a task',
      StopConditions: [{ Source: 'aws:cloudwatch:alarm', Value: ALARM_ARN }],
      Targets: {
        stopTasksTarget: {
          ResourceType: 'aws:ecs:task',
          SelectionMode: 'PERCENT(30)',
          Parameters: { cluster: 'shop', service: 'web' },
        },
      },
      Actions: {
        stopTasks: { ActionId: 'aws:ecs:stop-task', Targets: { Tasks: 'stopTasksTarget' } },
      },
      ExperimentOptions: { AccountTargeting: 'single-account', EmptyTargetResolutionMode: 'fail' },
      LogConfiguration: {
        LogSchemaVersion: 2,
        CloudWatchLogsConfiguration: { LogGroupArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ExperimentLogGroup'), 'Arn'] } },
      },
      RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ExperimentRole'), 'Arn'] },
    });
  });

  test('default log group: customer-managed rotated key, one year, retained', () => {
    const { template } = experiment();
    template.hasResource('AWS::Logs::LogGroup', {
      Properties: { RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ExperimentLogKey'), 'Arn'] } },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    template.hasResource('AWS::KMS::Key', { Properties: { EnableKeyRotation: true }, DeletionPolicy: 'Retain' });
  });

  test('a given log group is used and nothing else is created for logging', () => {
    const targets = importedTargets();
    const logGroup = logs.LogGroup.fromLogGroupArn(targets.stack, 'Logs', 'arn:aws:logs:us-east-1:111111111111:log-group:chaos');
    new ChaosFisExperiment(targets.stack, 'Experiment', {
      description: 'd', actions: [FisAction.ecsStopTasks({ service: targets.service })], stopConditions: [targets.alarm], logGroup,
    });
    const template = Template.fromStack(targets.stack);
    template.resourceCountIs('AWS::KMS::Key', 0);
    template.resourceCountIs('AWS::Logs::LogGroup', 0);
    template.hasResourceProperties('AWS::FIS::ExperimentTemplate', {
      LogConfiguration: { CloudWatchLogsConfiguration: { LogGroupArn: 'arn:aws:logs:us-east-1:111111111111:log-group:chaos:*' } },
    });
  });

  test('emptyTargetResolutionMode skip', () => {
    const { template } = experiment({ emptyTargetResolutionMode: EmptyTargetResolutionMode.SKIP });
    template.hasResourceProperties('AWS::FIS::ExperimentTemplate', { ExperimentOptions: { EmptyTargetResolutionMode: 'skip' } });
  });

  test('startAfter ordering is rendered', () => {
    const targets = importedTargets();
    new ChaosFisExperiment(targets.stack, 'Experiment', {
      description: 'd',
      actions: [
        FisAction.ecsStopTasks({ service: targets.service }),
        FisAction.wait({ duration: Duration.minutes(5), startAfter: ['stopTasks'] }),
        FisAction.ecsStopTasks({ name: 'again', service: targets.service, startAfter: ['wait'] }),
      ],
      stopConditions: [targets.alarm],
    });
    Template.fromStack(targets.stack).hasResourceProperties('AWS::FIS::ExperimentTemplate', {
      Actions: {
        wait: { ActionId: 'aws:fis:wait', Parameters: { duration: 'PT5M' }, StartAfter: ['stopTasks'], Targets: Match.absent() },
        again: { StartAfter: ['wait'], Targets: { Tasks: 'againTarget' } },
      },
    });
  });

  test('several stop conditions, each bound to its alarm', () => {
    const targets = importedTargets();
    const second = cloudwatch.Alarm.fromAlarmArn(targets.stack, 'Second', 'arn:aws:cloudwatch:us-east-1:111111111111:alarm:latency-page');
    new ChaosFisExperiment(targets.stack, 'Experiment', {
      description: 'd', actions: [FisAction.ecsStopTasks({ service: targets.service })], stopConditions: [targets.alarm, second],
    });
    Template.fromStack(targets.stack).hasResourceProperties('AWS::FIS::ExperimentTemplate', {
      StopConditions: [
        { Source: 'aws:cloudwatch:alarm', Value: ALARM_ARN },
        { Source: 'aws:cloudwatch:alarm', Value: 'arn:aws:cloudwatch:us-east-1:111111111111:alarm:latency-page' },
      ],
    });
  });

  test('exposes the template id', () => {
    const { stack, exp } = experiment();
    expect(stack.resolve(exp.experimentTemplateId)).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(exp.template), 'Id'] });
  });
});

describe('ChaosFisExperiment role', () => {
  test('trusted by FIS of this account only', () => {
    const { template } = experiment();
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{
          Action: 'sts:AssumeRole',
          Principal: { Service: 'fis.amazonaws.com' },
          Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } }, ArnLike: { 'aws:SourceArn': Match.anyValue() } },
        }],
      },
    });
  });

  test('statements of the stop-task action, no wildcard action anywhere, customer-managed policy only', () => {
    const { template } = experiment();
    expect(statementsFor(template, 'ecs:StopTask')).toHaveLength(1);
    expect(Object.keys(statementsFor(template, 'ecs:ListTasks')[0].Condition.ArnEquals)).toEqual(['ecs:cluster']);
    expect(statementsFor(template, 'logs:CreateLogDelivery')).toHaveLength(1);
    template.resourceCountIs('AWS::IAM::Policy', 0);
    const policies = template.findResources('AWS::IAM::ManagedPolicy');
    const actions = Object.values(policies).flatMap((p: any) => p.Properties.PolicyDocument.Statement.flatMap((s: any) => [].concat(s.Action)));
    expect(actions.filter((a: string) => a.includes('*'))).toEqual([]);
  });

  test('each action contributes its own statements; identical ones appear once', () => {
    const stack = new Stack(new App(), 'S', { env: { account: '111111111111', region: 'us-east-1' } });
    const { service, vpc } = fargateService(stack, FAULT_READY);
    const alarm = cloudwatch.Alarm.fromAlarmArn(stack, 'Alarm', ALARM_ARN);
    new ChaosFisExperiment(stack, 'Experiment', {
      description: 'd',
      actions: [
        FisAction.ecsStopTasks({ service }),
        FisAction.ecsTaskNetworkLatency({ service, duration: Duration.minutes(5), startAfter: ['stopTasks'] }),
        FisAction.ecsTaskNetworkPacketLoss({ service, duration: Duration.minutes(5), startAfter: ['networkLatency'] }),
        FisAction.disruptSubnetConnectivity({ subnets: vpc.isolatedSubnets, duration: Duration.minutes(2) }),
      ],
      stopConditions: [alarm],
    });
    const template = Template.fromStack(stack);
    expect(statementsFor(template, 'ecs:StopTask')).toHaveLength(1);
    expect(statementsFor(template, 'ecs:ListTasks')).toHaveLength(1);
    expect(statementsFor(template, 'ssm:SendCommand')).toHaveLength(2);
    expect(statementsFor(template, 'ec2:ReplaceNetworkAclAssociation')).toHaveLength(1);
    expect(statementsFor(template, 'ec2:DeleteNetworkAcl')[0].Condition).toEqual({ StringEquals: { 'aws:ResourceTag/managedByFIS': 'true' } });
  });

  test('wildcard resources are acknowledged one by one with their reason', () => {
    const { exp } = experiment();
    const acks = exp.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules').map((m) => m.data));
    const text = JSON.stringify(acks);
    expect(text).toContain('AwsSolutions-IAM5[Resource::*]');
    expect(text).toContain('AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ecs:<AWS::Region>:<AWS::AccountId>:task/shop/*]');
    expect(text).toContain('ECS task ids are generated at run time');
    // Resource::* is one finding shared by several statements: its reason covers each of them.
    const star = collectAcknowledgements(exp).find((a) => a.rule === 'AwsSolutions-IAM5[Resource::*]')!;
    expect(star.reason).toContain('ecs:ListTasks has no resource-level permissions');
    expect(star.reason).toContain('Vended log delivery');
  });
});

describe('ChaosFisExperiment report', () => {
  test('S3 output, dashboards and windows; write access to the prefix only', () => {
    const targets = importedTargets();
    const bucket = s3.Bucket.fromBucketName(targets.stack, 'Reports', 'chaos-reports');
    const dashboard = new cloudwatch.Dashboard(targets.stack, 'Dash', { dashboardName: 'checkout' });
    new ChaosFisExperiment(targets.stack, 'Experiment', {
      description: 'd',
      actions: [FisAction.ecsStopTasks({ service: targets.service })],
      stopConditions: [targets.alarm],
      experimentReport: { bucket, prefix: 'game-days/', dashboards: [dashboard], preExperimentDuration: Duration.minutes(10), postExperimentDuration: Duration.minutes(20) },
    });
    const template = Template.fromStack(targets.stack);
    template.hasResourceProperties('AWS::FIS::ExperimentTemplate', {
      ExperimentReportConfiguration: {
        Outputs: { ExperimentReportS3Configuration: { BucketName: 'chaos-reports', Prefix: 'game-days/' } },
        DataSources: { CloudWatchDashboards: [{ DashboardIdentifier: Match.anyValue() }] },
        PreExperimentDuration: 'PT10M',
        PostExperimentDuration: 'PT20M',
      },
    });
    expect(JSON.stringify(statementsFor(template, 's3:PutObject')[0].Resource)).toContain('chaos-reports/game-days/*');
    expect(statementsFor(template, 'cloudwatch:GetDashboard')).toHaveLength(1);
  });

  test('refuses a report window over 30 minutes', () => {
    const targets = importedTargets();
    const bucket = s3.Bucket.fromBucketName(targets.stack, 'Reports', 'chaos-reports');
    expect(() => new ChaosFisExperiment(targets.stack, 'Experiment', {
      description: 'd',
      actions: [FisAction.ecsStopTasks({ service: targets.service })],
      stopConditions: [targets.alarm],
      experimentReport: { bucket, postExperimentDuration: Duration.hours(1) },
    })).toThrow("ChaosFisExperiment 'Experiment': experimentReport.postExperimentDuration must be a whole number of seconds between 1 minute and 30 minutes, got 1 hour");
  });
});

describe('ChaosFisExperiment schedule', () => {
  test('EventBridge Scheduler starts the template through the universal target, with a least-privilege role', () => {
    const { template, stack, exp } = experiment({
      schedule: ChaosSchedule.cron({ hour: '10', weekDay: 'TUE' }),
      scheduleTimeZone: 'Europe/Paris',
      acknowledgeRecurringChaos: true,
    });
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 10 ? * TUE *)',
      ScheduleExpressionTimezone: 'Europe/Paris',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: {
        Arn: 'arn:aws:scheduler:::aws-sdk:fis:startExperiment',
        RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ExperimentSchedulerRole'), 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 0 },
      },
    });
    const input = stack.resolve(exp.schedule!.target) as any;
    expect(JSON.stringify(input.input)).toContain('ExperimentTemplateId');
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'scheduler.amazonaws.com' } })] },
    });
    const start = statementsFor(template, 'fis:StartExperiment');
    expect(start).toHaveLength(1);
    expect(JSON.stringify(start[0].Resource)).toContain('experiment-template/');
  });

  test('refuses a schedule without acknowledgeRecurringChaos', () => {
    expect(() => experiment({ schedule: ChaosSchedule.cron({ hour: '10', weekDay: 'TUE' }) }))
      .toThrow("ChaosFisExperiment 'Experiment': acknowledgeRecurringChaos must be true when schedule is set (faults will be injected without anyone starting them), got undefined");
  });

  test('refuses a schedule that fires every minute', () => {
    expect(() => experiment({ schedule: ChaosSchedule.cron({ hour: '10', minute: '*' }), acknowledgeRecurringChaos: true }))
      .toThrow(/ChaosFisExperiment 'Experiment': schedule must have a single minute/);
  });
});

describe('ChaosFisExperiment validation', () => {
  test('refuses no actions', () => {
    expect(() => experiment({ actions: [] })).toThrow("ChaosFisExperiment 'Experiment': actions must hold at least one action, got an array of 0");
  });

  test('refuses no stop conditions', () => {
    expect(() => experiment({ stopConditions: [] }))
      .toThrow("ChaosFisExperiment 'Experiment': stopConditions must hold at least one alarm (an experiment that cannot stop itself is refused), got an array of 0");
  });

  test('refuses duplicate action names', () => {
    const { service } = importedTargets();
    expect(() => experiment({ actions: [FisAction.ecsStopTasks({ service }), FisAction.ecsStopTasks({ service })] }))
      .toThrow("ChaosFisExperiment 'Experiment': actions must have unique names, got \"stopTasks\" twice");
  });

  test('refuses startAfter naming an unknown action', () => {
    const { service } = importedTargets();
    expect(() => experiment({ actions: [FisAction.ecsStopTasks({ service, startAfter: ['warmUp'] })] }))
      .toThrow("ChaosFisExperiment 'Experiment': actions[\"stopTasks\"].startAfter must name actions of this experiment, got \"warmUp\"");
  });

  test('refuses a startAfter cycle', () => {
    const { service } = importedTargets();
    expect(() => experiment({
      actions: [
        FisAction.ecsStopTasks({ name: 'a', service, startAfter: ['b'] }),
        FisAction.ecsStopTasks({ name: 'b', service, startAfter: ['a'] }),
      ],
    })).toThrow("ChaosFisExperiment 'Experiment': actions startAfter must not form a cycle, got a -> b -> a");
  });

  test('refuses an empty description and more than 5 stop conditions', () => {
    expect(() => experiment({ description: ' ' })).toThrow("ChaosFisExperiment 'Experiment': description must be 1-512 characters, got \" \"");
    const targets = importedTargets();
    expect(() => new ChaosFisExperiment(targets.stack, 'Experiment', {
      description: 'd', actions: [FisAction.ecsStopTasks({ service: targets.service })], stopConditions: Array(6).fill(targets.alarm),
    })).toThrow("ChaosFisExperiment 'Experiment': stopConditions must hold at most 5 alarms (FIS quota), got an array of 6");
  });
});

describe('ChaosFisExperiment compliance', () => {
  test('an experiment with imported targets, schedule and report has zero unacknowledged findings under every pack', () => {
    const result = synthWithCompliance((app) => {
      const targets = importedTargets(new Stack(app, 'Chaos', { env: { account: '111111111111', region: 'us-east-1' } }));
      new ChaosFisExperiment(targets.stack, 'Experiment', {
        description: 'Checkout survives an AZ power interruption',
        actions: [
          FisAction.ecsStopTasks({ service: targets.service }),
          ...FisAction.azPowerInterruption({
            availabilityZone: 'us-east-1a', duration: Duration.minutes(30), subnets: targets.vpc.privateSubnets, services: [targets.service],
          }),
        ],
        stopConditions: [targets.alarm],
        experimentReport: { bucket: s3.Bucket.fromBucketName(targets.stack, 'Reports', 'chaos-reports') },
        schedule: ChaosSchedule.cron({ hour: '10', weekDay: 'TUE' }),
        acknowledgeRecurringChaos: true,
      });
    });
    expect(formatFindings(result.findings)).toBe('');
    const iam5 = result.acknowledgements.filter((a) => a.rule.startsWith('AwsSolutions-IAM5'));
    expect(iam5.length).toBeGreaterThan(0);
    expect(iam5.every((a) => a.reason.length > 40)).toBe(true);
  });

  test('targets in another stack (cross-stack references) are acknowledged with the ids cdk-nag reports', () => {
    const result = synthWithCompliance((app) => {
      const env = { account: '111111111111', region: 'us-east-1' };
      const serviceStack = new Stack(app, 'Services', { env });
      const { service, vpc } = fargateService(serviceStack);
      const alarm = new cloudwatch.Alarm(serviceStack, 'Alarm', { metric: service.metricCpuUtilization(), threshold: 90, evaluationPeriods: 1 });
      const chaosStack = new Stack(app, 'ChaosGameDays', { env });
      new ChaosFisExperiment(chaosStack, 'Experiment', {
        description: 'Zone loss',
        actions: FisAction.azPowerInterruption({
          availabilityZone: vpc.isolatedSubnets[0].availabilityZone,
          duration: Duration.minutes(20),
          subnets: vpc.isolatedSubnets,
          services: [service],
        }),
        stopConditions: [alarm],
      });
    });
    expect(formatFindings(result.findings.filter((f) => f.constructPath.startsWith('ChaosGameDays/')))).toBe('');
    const ids = result.acknowledgements.filter((a) => a.constructPath.startsWith('ChaosGameDays/')).map((a) => a.rule);
    expect(ids.some((id) => id.includes('task/Services:ExportsOutputRef'))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('against a plain FargateService and a plain alarm, the experiment adds no finding', () => {
    const result = synthWithCompliance((app) => {
      const stack = new Stack(app, 'Plain', { env: { account: '111111111111', region: 'us-east-1' } });
      const { service } = fargateService(stack);
      const alarm = new cloudwatch.Alarm(stack, 'Alarm', {
        metric: service.metricCpuUtilization(), threshold: 90, evaluationPeriods: 1,
      });
      new ChaosFisExperiment(stack, 'Experiment', {
        description: 'Stop one task', actions: [FisAction.ecsStopTasks({ service })], stopConditions: [alarm],
      });
    });
    expect(formatFindings(result.findings.filter((f) => f.constructPath.startsWith('Plain/Experiment')))).toBe('');
  });
});
