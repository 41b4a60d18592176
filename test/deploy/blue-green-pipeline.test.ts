import { App, CfnParameter, Duration, Stack, Token, aws_ecs as ecs, aws_sns as sns } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { defaultPipeline, serviceParts, ServiceParts } from './fixtures';
import { formatFindings } from '../../examples/compliance/findings';
import { synthWithCompliance } from '../../examples/compliance/synth';
import { ReliabilityValidationError } from '../../src/common/errors';
import { latestNodejsRuntime } from '../../src/common/lambda-runtime';
import { BlueGreenPipeline, BlueGreenPipelineProps, BlueGreenStageProps, DeploymentEngine, PipelineSource, TrafficShift } from '../../src/deploy';

function build(overrides: Partial<BlueGreenPipelineProps> = {}, parts: ServiceParts = serviceParts()) {
  const pipeline = defaultPipeline(parts, overrides);
  return { pipeline, parts, template: Template.fromStack(parts.stack) };
}

describe('BlueGreenPipeline (ECS native, defaults)', () => {
  const { template, pipeline } = build();

  test('is a V2 pipeline: ECR source, build of the deploy files, blue/green deploy', () => {
    template.hasResourceProperties('AWS::CodePipeline::Pipeline', {
      PipelineType: 'V2',
      Stages: [
        Match.objectLike({ Name: 'Source', Actions: [Match.objectLike({ ActionTypeId: Match.objectLike({ Provider: 'ECR' }), Configuration: Match.objectLike({ ImageTag: 'latest' }) })] }),
        Match.objectLike({ Name: 'Build', Actions: [Match.objectLike({ ActionTypeId: Match.objectLike({ Provider: 'CodeBuild' }) })] }),
        Match.objectLike({
          Name: 'Deploy',
          Actions: [Match.objectLike({
            ActionTypeId: Match.objectLike({ Category: 'Deploy', Provider: 'ECS' }),
            Configuration: Match.objectLike({ FileName: 'imagedefinitions-Deploy.json', DeploymentTimeout: 25 }),
          })],
        }),
      ],
    });
  });

  test('blocks the deploy stage while the page alarm fires and rolls back on failure', () => {
    template.hasResourceProperties('AWS::CodePipeline::Pipeline', {
      Stages: Match.arrayWith([Match.objectLike({
        Name: 'Deploy',
        BeforeEntry: {
          Conditions: [{
            Result: 'FAIL',
            Rules: [Match.objectLike({
              RuleTypeId: { Category: 'Rule', Owner: 'AWS', Provider: 'CloudWatchAlarm', Version: '1' },
              Configuration: { AlarmName: { Ref: Match.stringLikeRegexp('^PageAlarm') }, AlarmStates: 'ALARM' },
            })],
          }],
        },
        OnFailure: { Result: 'ROLLBACK' },
      })]),
    });
  });

  test('sets the service to BLUE_GREEN, 10-minute bake, page alarm rollback and the pre-traffic hook', () => {
    template.hasResourceProperties('AWS::ECS::Service', {
      DeploymentConfiguration: Match.objectLike({
        Strategy: 'BLUE_GREEN',
        BakeTimeInMinutes: 10,
        Alarms: { AlarmNames: [{ Ref: Match.stringLikeRegexp('^PageAlarm') }], Enable: true, Rollback: true },
        LifecycleHooks: [{
          HookTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^CheckoutDeployPreTrafficCheckFunction'), 'Arn'] },
          LifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'],
          RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^CheckoutDeployHookInvokeRole'), 'Arn'] },
        }],
      }),
      LoadBalancers: [Match.objectLike({
        ContainerName: 'app',
        AdvancedConfiguration: {
          AlternateTargetGroupArn: { Ref: Match.stringLikeRegexp('^CheckoutDeployAlternateTargetGroup') },
          ProductionListenerRule: { Ref: Match.stringLikeRegexp('^CheckoutDeployProductionRule') },
          TestListenerRule: { Ref: Match.stringLikeRegexp('^CheckoutDeployTestRule') },
          RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^CheckoutDeployLoadBalancerRole'), 'Arn'] },
        },
      })],
    });
  });

  test('adds a closed test listener on 9000 and weighted catch-all rules', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 9000, Protocol: 'HTTP' });
    template.resourcePropertiesCountIs('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Actions: [Match.objectLike({ ForwardConfig: { TargetGroups: [Match.objectLike({ Weight: 100 }), Match.objectLike({ Weight: 0 })] } })],
    }, 2);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      HealthCheckPath: '/health', Matcher: { HttpCode: '200-299' }, TargetType: 'ip', Port: 8080,
    });
  });

  test('the hook calls the test listener health path from inside the VPC', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: latestNodejsRuntime().name,
      VpcConfig: Match.anyValue(),
      ReservedConcurrentExecutions: 2,
      Environment: {
        Variables: Match.objectLike({
          EXPECTED_STATUS: '200-299',
          INSECURE_TLS: 'false',
          CHECK_URL: { 'Fn::Join': ['', ['http://', { 'Fn::GetAtt': [Match.stringLikeRegexp('^Alb'), 'DNSName'] }, ':9000/health']] },
        }),
      },
    });
  });

  test('artifact bucket is KMS-encrypted, private, TLS-only and logged; build logs are encrypted and kept a year', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [Match.objectLike({ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: Match.anyValue() } })] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'artifacts/' }),
      VersioningConfiguration: { Status: 'Enabled' },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365, KmsKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::CodeBuild::Project', {
      EncryptionKey: Match.anyValue(),
      Environment: Match.objectLike({ PrivilegedMode: false }),
      LogsConfig: { CloudWatchLogs: Match.objectLike({ Status: 'ENABLED', GroupName: Match.anyValue() }) },
    });
  });

  test('no IAM policy of the pipeline holds a wildcard action, and none is inline', () => {
    template.resourceCountIs('AWS::IAM::Policy', 0);
    const policies = template.findResources('AWS::IAM::ManagedPolicy');
    const actions = Object.values(policies).flatMap((p) => (p.Properties.PolicyDocument.Statement as Array<{ Action: string | string[] }>)
      .flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])));
    expect(actions.length).toBeGreaterThan(20);
    expect(actions.filter((a) => a.includes('*'))).toEqual([]);
  });

  test('the deploy action passes only the task roles and updates only its service', () => {
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^CheckoutDeployDeployActionRole') }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: ['ecs:DescribeServices', 'ecs:UpdateService'], Resource: { Ref: Match.stringLikeRegexp('^Service') } }),
          Match.objectLike({
            Action: 'iam:PassRole',
            Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TaskTaskRole'), 'Arn'] },
          }),
        ]),
      },
    });
  });

  test('exposes the rollback alarms and what the stage deploys', () => {
    expect(pipeline.rollbackAlarms.map((a) => a.node.id)).toEqual(['PageAlarm']);
    expect(pipeline.deployments.map((d) => [d.stageName, d.service.node.id, d.testListener.node.id, d.preTrafficCheck !== undefined]))
      .toEqual([['Deploy', 'Service', 'TestListener', true]]);
  });
});

describe('traffic shifts and stages', () => {
  test('canary writes the ECS canary configuration', () => {
    const { template } = build({ trafficShift: TrafficShift.canary(5, Duration.minutes(10)), bakeTime: Duration.minutes(15) });
    template.hasResourceProperties('AWS::ECS::Service', {
      DeploymentConfiguration: Match.objectLike({ Strategy: 'CANARY', BakeTimeInMinutes: 15, CanaryConfiguration: { CanaryPercent: 5, CanaryBakeTimeInMinutes: 10 } }),
    });
  });

  test('linear writes the ECS linear configuration', () => {
    const { template } = build({ trafficShift: TrafficShift.linear(25, Duration.minutes(5)) });
    template.hasResourceProperties('AWS::ECS::Service', {
      DeploymentConfiguration: Match.objectLike({ Strategy: 'LINEAR', LinearConfiguration: { StepPercent: 25, StepBakeTimeInMinutes: 5 } }),
    });
  });

  test('beta then prod with an approval before prod, each guarded by its own alarms', () => {
    const stack = new Stack(new App(), 'Two', { env: { account: '111111111111', region: 'eu-west-1' } });
    const beta = serviceParts({ stack, prefix: 'Beta' });
    const prod = serviceParts({ stack, prefix: 'Prod' });
    const topic = new sns.Topic(stack, 'Approvals');
    const pipeline = new BlueGreenPipeline(stack, 'Checkout', {
      source: PipelineSource.ecr({ repository: beta.repository, tag: 'release' }),
      stages: [
        { stageName: 'Beta', service: beta.service, productionListener: beta.listener, productionTargetGroup: beta.targetGroup, pageAlarm: beta.pageAlarm },
        {
          stageName: 'Prod',
          service: prod.service,
          productionListener: prod.listener,
          productionTargetGroup: prod.targetGroup,
          pageAlarm: prod.pageAlarm,
          manualApproval: { notificationTopic: topic },
        },
      ],
    });
    const template = Template.fromStack(stack);
    const stages = Object.values(template.findResources('AWS::CodePipeline::Pipeline'))[0].Properties.Stages as Array<{ Name: string }>;
    expect(stages.map((s) => s.Name)).toEqual(['Source', 'Build', 'Beta', 'Approve-Prod', 'Prod']);
    template.hasResourceProperties('AWS::CodePipeline::Pipeline', {
      Stages: Match.arrayWith([Match.objectLike({
        Name: 'Approve-Prod',
        Actions: [Match.objectLike({ ActionTypeId: Match.objectLike({ Category: 'Approval', Provider: 'Manual' }), Configuration: Match.objectLike({ NotificationArn: { Ref: Match.stringLikeRegexp('^Approvals') } }) })],
      })]),
    });
    expect(pipeline.rollbackAlarms.map((a) => a.node.id)).toEqual(['BetaPageAlarm', 'ProdPageAlarm']);
  });

  test('CodeDeploy path: deployment group with the traffic config, alarms and auto-rollback', () => {
    const parts = serviceParts({ controller: ecs.DeploymentControllerType.CODE_DEPLOY });
    const { template } = build({ engine: DeploymentEngine.CODE_DEPLOY, trafficShift: TrafficShift.canary(10, Duration.minutes(5)) }, parts);
    template.hasResourceProperties('AWS::CodeDeploy::DeploymentConfig', {
      ComputePlatform: 'ECS',
      TrafficRoutingConfig: { Type: 'TimeBasedCanary', TimeBasedCanary: { CanaryInterval: 5, CanaryPercentage: 10 } },
    });
    template.hasResourceProperties('AWS::CodeDeploy::DeploymentGroup', {
      AlarmConfiguration: { Enabled: true, Alarms: [{ Name: { Ref: Match.stringLikeRegexp('^PageAlarm') } }] },
      AutoRollbackConfiguration: { Enabled: true, Events: Match.arrayWith(['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM']) },
      BlueGreenDeploymentConfiguration: Match.objectLike({ TerminateBlueInstancesOnDeploymentSuccess: { Action: 'TERMINATE', TerminationWaitTimeInMinutes: 10 } }),
    });
    template.hasResourceProperties('AWS::CodePipeline::Pipeline', {
      Stages: Match.arrayWith([Match.objectLike({ Name: 'Deploy', Actions: [Match.objectLike({ ActionTypeId: Match.objectLike({ Provider: 'CodeDeployToECS' }) })] })]),
    });
  });
});

/** A number token, as a CfnParameter or an imported value gives it. */
function numberToken(): number {
  return Token.asNumber({ Ref: 'SomeParameter' });
}

function stage(parts: ServiceParts = serviceParts()): BlueGreenStageProps {
  return { stageName: 'Beta', service: parts.service, productionListener: parts.listener, productionTargetGroup: parts.targetGroup, pageAlarm: parts.pageAlarm };
}

function buildStages(stages: BlueGreenStageProps[], parts: ServiceParts = serviceParts()) {
  new BlueGreenPipeline(parts.stack, 'Checkout', { source: PipelineSource.ecr({ repository: parts.repository }), stages });
  return { template: Template.fromStack(parts.stack) };
}

describe('CodeDeploy deploy files', () => {
  test('CODEDEPLOY_FILES is JSON with every string escaped (a quote in a container name) and the task definition ARN resolved at deploy', () => {
    const parts = serviceParts({ controller: ecs.DeploymentControllerType.CODE_DEPLOY, containerName: 'app"quoted' });
    const { template } = build({ engine: DeploymentEngine.CODE_DEPLOY }, parts);
    const project = Object.values(template.findResources('AWS::CodeBuild::Project'))[0].Properties;
    const variable = (project.Environment.EnvironmentVariables as Array<{ Name: string; Value: unknown }>).find((v) => v.Name === 'CODEDEPLOY_FILES')!;
    // Substitute what CloudFormation joins at deploy time, then parse what the build will read.
    const joined = variable.Value as { 'Fn::Join': [string, unknown[]] };
    const text = joined['Fn::Join'][1].map((part) => (typeof part === 'string' ? part : 'arn:aws:ecs:eu-west-1:111111111111:task-definition/Task:1')).join('');
    expect(JSON.parse(text)).toEqual([{
      taskDefinitionFile: 'taskdef-Deploy.json',
      appSpecFile: 'appspec-Deploy.yaml',
      taskDefinitionArn: 'arn:aws:ecs:eu-west-1:111111111111:task-definition/Task:1',
      containerName: 'app"quoted',
      containerPort: 8080,
    }]);
  });
});

describe('validation', () => {
  const cases: Array<[string, () => unknown, string]> = [
    ['native blue/green on a CodeDeploy-controlled service',
      () => build({}, serviceParts({ controller: ecs.DeploymentControllerType.CODE_DEPLOY })),
      "BlueGreenPipeline 'Checkout': service.service must use the ECS deployment controller for ECS native blue/green, got \"CODE_DEPLOY\""],
    ['canary above 99 %', () => build({ trafficShift: TrafficShift.canary(100, Duration.minutes(5)) }),
      "BlueGreenPipeline 'Checkout': trafficShift (canary) stepPercent must be a multiple of 0.1 between 1 and 99, got 100"],
    ['linear below what ECS accepts', () => build({ trafficShift: TrafficShift.linear(2, Duration.minutes(5)) }),
      "BlueGreenPipeline 'Checkout': trafficShift (linear) stepPercent must be a multiple of 0.1 between 3 and 99, got 2"],
    ['fractional CodeDeploy percentage', () => build({ engine: DeploymentEngine.CODE_DEPLOY, trafficShift: TrafficShift.canary(2.5, Duration.minutes(5)) },
      serviceParts({ controller: ecs.DeploymentControllerType.CODE_DEPLOY })),
    "BlueGreenPipeline 'Checkout': trafficShift (canary) stepPercent must be an integer between 1 and 99 for CodeDeploy, got 2.5"],
    ['interval over 1,440 minutes for ECS', () => build({ trafficShift: TrafficShift.canary(10, Duration.hours(25)) }),
      "BlueGreenPipeline 'Checkout': trafficShift (canary) interval must be a whole number of minutes between 1 and 1440, got 1 day 1 hour"],
    ['interval of seconds', () => build({ trafficShift: TrafficShift.canary(10, Duration.seconds(90)) }),
      "BlueGreenPipeline 'Checkout': trafficShift (canary) interval must be a whole number of minutes between 1 and 1440, got 1 minute 30 seconds"],
    ['bake time over 1,440 minutes', () => build({ bakeTime: Duration.minutes(1441) }),
      "BlueGreenPipeline 'Checkout': bakeTime must be a whole number of minutes between 0 and 1440, got 1 day 1 minute"],
    ['a rollout longer than the ECS deploy action waits', () => build({ trafficShift: TrafficShift.linear(10, Duration.minutes(6)) }),
      "BlueGreenPipeline 'Checkout': trafficShift and bakeTime must add up to at most 60 minutes of rollout, the longest CodePipeline's ECS deploy action waits, got 64"],
    ['no rollback alarm at all', () => build({ pageAlarm: undefined }),
      "BlueGreenPipeline 'Checkout': service rollback alarms must include at least one alarm (pageAlarm, rollbackAlarms, or the pipeline's rollbackAlarms), or set allowNoRollbackAlarms: true, got \"none\""],
    ['an approval without a notification target', () => build({ manualApproval: {} }),
      "BlueGreenPipeline 'Checkout': manualApproval must name a notificationTopic or at least one notifyEmails address, got \"no notification target\""],
    ['stages and the shorthand together', () => build({ stages: [] }),
      "BlueGreenPipeline 'Checkout': stages must not be combined with the one-stage shorthand"],
    // JavaScript callers: required props left undefined, or the wrong kind of value.
    ['no props at all', () => new BlueGreenPipeline(new Stack(), 'Checkout', undefined as never),
      "BlueGreenPipeline 'Checkout': props must be given (source and stages, or source and the one-stage shorthand), got undefined"],
    ['no source', () => build({ source: undefined as never }),
      "BlueGreenPipeline 'Checkout': source must be a PipelineSource (PipelineSource.ecr(...) or PipelineSource.codeStarConnection(...)), got undefined"],
    ['an ECR source without a repository', () => build({ source: PipelineSource.ecr({} as never) }),
      "BlueGreenPipeline 'Checkout': source.repository must be an ecr.IRepository, got undefined"],
    ['a Git source without a repository name', () => build({ source: PipelineSource.codeStarConnection({ connectionArn: 'arn:aws:codeconnections:eu-west-1:111111111111:connection/abc', owner: 'acme' } as never) }),
      "BlueGreenPipeline 'Checkout': source.repo must be the name of the Git repository, got undefined"],
    ['an undefined stage', () => buildStages([undefined as never]),
      "BlueGreenPipeline 'Checkout': stages[0] must be a BlueGreenStageProps, got undefined"],
    ['a stage without a name', () => buildStages([{ ...stage(), stageName: undefined as never }]),
      "BlueGreenPipeline 'Checkout': stages[0].stageName must be 1-90 letters, digits or . @ - _ and not Source or Build, got undefined"],
    ['a stage without a service', () => buildStages([stage(), { ...stage(), stageName: 'Prod', service: undefined as never }]),
      "BlueGreenPipeline 'Checkout': stages[1].service must be an ecs.FargateService, got undefined"],
    ['a stage without a production target group', () => buildStages([{ ...stage(), productionTargetGroup: undefined as never }]),
      "BlueGreenPipeline 'Checkout': stages[0].productionTargetGroup must be an elbv2.ApplicationTargetGroup, got undefined"],
    ['an undefined rollback alarm', () => build({ rollbackAlarms: [undefined as never] }),
      "BlueGreenPipeline 'Checkout': rollbackAlarms[0] must be a cloudwatch.IAlarm, got undefined"],
    ['a bake time given as a number', () => build({ bakeTime: 10 as never }),
      "BlueGreenPipeline 'Checkout': bakeTime must be a Duration of 0 to 1440 minutes, got 10"],
    ['a traffic shift that is not a TrafficShift', () => build({ trafficShift: { kind: 'FAST' } as never }),
      "BlueGreenPipeline 'Checkout': trafficShift must be a TrafficShift (TrafficShift.allAtOnce(), .canary(...) or .linear(...)), got [object Object]"],
    // Tokens in numbers the construct computes with: the error names the prop and prints no encoded number.
    ['a token test listener port (it goes into the hook URL and a security-group rule)', () => buildStages([{ ...stage(), testListenerPort: numberToken() }]),
      "BlueGreenPipeline 'Checkout': stages[0].testListenerPort must be a plain number, not a token, got (a token)"],
    ['a token bake time (the deploy action wait is computed from it)', () => build({ bakeTime: Duration.minutes(numberToken()) }),
      "BlueGreenPipeline 'Checkout': bakeTime must be known at synth (not a token), got <token> minutes"],
    ['a token canary interval', () => build({ trafficShift: TrafficShift.canary(10, Duration.minutes(numberToken())) }),
      "BlueGreenPipeline 'Checkout': trafficShift (canary) interval must be known at synth (not a token), got <token> minutes"],
    ['a token linear percentage (the number of steps is computed from it)', () => build({ trafficShift: TrafficShift.linear(numberToken(), Duration.minutes(1)) }),
      "BlueGreenPipeline 'Checkout': trafficShift (linear) stepPercent must be known at synth (not a token), got (a token)"],
  ];
  test.each(cases)('rejects %s', (_name, make, message) => {
    expect(make).toThrow(message);
    expect(make).toThrow(ReliabilityValidationError);
  });

  test('a token production rule priority is only passed through, so it reaches the template as the token', () => {
    const parts = serviceParts();
    const priority = new CfnParameter(parts.stack, 'Priority', { type: 'Number' }).valueAsNumber;
    const { template } = buildStages([{ ...stage(parts), productionRulePriority: priority }], parts);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', { Priority: { Ref: 'Priority' } });
  });

  test('allowNoRollbackAlarms opts out explicitly and leaves no stage condition', () => {
    const { template } = build({ pageAlarm: undefined, allowNoRollbackAlarms: true });
    template.hasResourceProperties('AWS::CodePipeline::Pipeline', {
      Stages: Match.arrayWith([Match.objectLike({ Name: 'Deploy', BeforeEntry: Match.absent(), OnFailure: { Result: 'ROLLBACK' } })]),
    });
  });
});

describe('compliance', () => {
  test('the pipeline and what it adds to the service leave zero unacknowledged findings under every pack', () => {
    const result = synthWithCompliance((app) => {
      const parts = serviceParts({ app });
      new BlueGreenPipeline(parts.stack, 'Checkout', {
        source: PipelineSource.ecr({ repository: parts.repository }),
        service: parts.service,
        productionListener: parts.listener,
        productionTargetGroup: parts.targetGroup,
        pageAlarm: parts.pageAlarm,
        trafficShift: TrafficShift.canary(10, Duration.minutes(5)),
      });
    });
    // The fixture's VPC, ALB and task definition are not the pipeline's; everything under it, and the service it changes, is.
    const ours = result.findings.filter((f) => f.constructPath.startsWith('ServiceStack/Checkout/') || f.constructPath.startsWith('ServiceStack/Service/'));
    expect(formatFindings(ours)).toBe('');
    expect(result.acknowledgements.filter((a) => a.constructPath.startsWith('ServiceStack/Checkout/')).every((a) => a.reason.length > 40)).toBe(true);
  });
});

describe('HTTPS production listener', () => {
  test('the test listener is HTTPS with the production certificate and the hook skips the name check', () => {
    const parts = serviceParts({ https: true });
    const { template } = build({}, parts);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 9000,
      Protocol: 'HTTPS',
      Certificates: [{ CertificateArn: 'arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555' }],
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          INSECURE_TLS: 'true',
          CHECK_URL: { 'Fn::Join': ['', ['https://', Match.anyValue(), ':9000/health']] },
        }),
      },
    });
  });
});

describe('Git source through a CodeStar connection', () => {
  const make = (app?: App) => {
    const parts = serviceParts({ app, https: true });
    const pipeline = new BlueGreenPipeline(parts.stack, 'Checkout', {
      source: PipelineSource.codeStarConnection({
        connectionArn: 'arn:aws:codeconnections:eu-west-1:111111111111:connection/abc', owner: 'acme', repo: 'checkout', branch: 'release',
      }),
      service: parts.service,
      productionListener: parts.listener,
      productionTargetGroup: parts.targetGroup,
      pageAlarm: parts.pageAlarm,
      manualApproval: { notifyEmails: ['oncall@example.com'] },
    });
    return { parts, pipeline };
  };

  test('builds and pushes to an immutable, scanned, encrypted repository', () => {
    const { parts, pipeline } = make();
    const template = Template.fromStack(parts.stack);
    template.hasResourceProperties('AWS::CodePipeline::Pipeline', {
      Stages: Match.arrayWith([Match.objectLike({
        Name: 'Source',
        Actions: [Match.objectLike({
          ActionTypeId: Match.objectLike({ Provider: 'CodeStarSourceConnection' }),
          Configuration: Match.objectLike({ FullRepositoryId: 'acme/checkout', BranchName: 'release' }),
        })],
      })]),
    });
    template.hasResourceProperties('AWS::ECR::Repository', {
      ImageTagMutability: 'IMMUTABLE',
      ImageScanningConfiguration: { ScanOnPush: true },
      EncryptionConfiguration: Match.objectLike({ EncryptionType: 'KMS' }),
    });
    template.hasResourceProperties('AWS::CodeBuild::Project', { Environment: Match.objectLike({ PrivilegedMode: true }) });
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'oncall@example.com' });
    expect(pipeline.imageRepository).toBeDefined();
  });

  test('stays at zero unacknowledged findings under every pack', () => {
    const result = synthWithCompliance((app) => {
      make(app);
    });
    const ours = result.findings.filter((f) => f.constructPath.startsWith('ServiceStack/Checkout/') || f.constructPath.startsWith('ServiceStack/Service/'));
    expect(formatFindings(ours)).toBe('');
  });
});
