import {
  CfnElement, Duration, RemovalPolicy, Stack, Validations,
  aws_cloudwatch as cloudwatch, aws_codebuild as codebuild, aws_codedeploy as codedeploy,
  aws_codepipeline as codepipeline, aws_codepipeline_actions as cpactions, aws_ecr as ecr, aws_ecs as ecs, aws_events as events,
  aws_elasticloadbalancingv2 as elbv2, aws_iam as iam, aws_kms as kms, aws_lambda as lambda, aws_logs as logs,
  aws_s3 as s3, aws_sns as sns,
  aws_sns_subscriptions as subscriptions,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import {
  BUILD_AND_PUSH_IMAGE, CodeDeployFileSpec, IMAGE_FROM_ECR_SOURCE, ImageFileSpec, WRITE_CODEDEPLOY_FILES, WRITE_IMAGE_DEFINITIONS,
} from './build-commands';
import { configureCodeDeployBlueGreen } from './code-deploy-blue-green';
import { DeploymentEngine } from './deployment-engine';
import { escapeRegExp, ScopedWildcardSource, tightenPolicies } from './least-privilege';
import { BlueGreenWiring, configureNativeBlueGreen, wireAlternateTarget } from './native-blue-green';
import {
  checkAlarmList, checkManualApproval, checkSource, checkStageAlarmCount, checkStageName, checkStageWiring, requireString,
} from './pipeline-input-rules';
import { PipelineSource, PipelineSourceKind } from './pipeline-source';
import { PipelineStorage } from './pipeline-storage';
import { checkBakeTime, checkFitsEcsDeployAction, checkTrafficShift } from './rollout-rules';
import { readStageTarget, StageTargetFacts } from './stage-target';
import { TrafficShift } from './traffic-shift';
import { ownerLabel, propError, ReliabilityValidationError } from '../common/errors';
import { ManagedPolicyRole } from '../common/managed-policy-role';
import { requireIntegerInRange, requireObject, requirePlainInteger } from '../common/validate';
import { ReliableService } from '../service/reliable-service';

/** A manual approval before a stage; someone must be told that it waits. */
export interface ManualApprovalOptions {
  /**
   * The topic told that an approval waits (give it an encrypted topic of yours).
   * @default - a KMS-encrypted topic for `notifyEmails` is created; one of the two is required
   */
  readonly notificationTopic?: sns.ITopic;
  /**
   * Email addresses told that an approval waits.
   * @default - none; one of `notificationTopic` or `notifyEmails` is required
   */
  readonly notifyEmails?: string[];
  /**
   * Text shown to the approver.
   * @default - names the stage and its rollback alarms
   */
  readonly additionalInformation?: string;
}

/** One environment the pipeline deploys to, in order (e.g. beta, then prod). */
export interface BlueGreenStageProps {
  /** Stage name in the pipeline, e.g. `Beta` or `Prod`. */
  readonly stageName: string;
  /** The Fargate service the stage deploys (e.g. `ReliableService.service`). */
  readonly service: ecs.FargateService;
  /** The listener that serves production traffic to the service. */
  readonly productionListener: elbv2.ApplicationListener;
  /** The target group the service is registered in (blue); the pipeline adds the green one. */
  readonly productionTargetGroup: elbv2.ApplicationTargetGroup;
  /**
   * The service's SLO page alarm (e.g. `SloAlarmSet.pageAlarm`): a rollout that burns the error
   * budget rolls back, and the stage is not entered while it fires.
   * @default - none; then `rollbackAlarms` must hold one
   */
  readonly pageAlarm?: cloudwatch.IAlarm;
  /**
   * More alarms that roll the stage's rollout back and block entry while in ALARM.
   * @default - only the page alarm and the pipeline-wide `rollbackAlarms`
   */
  readonly rollbackAlarms?: cloudwatch.IAlarm[];
  /**
   * A manual approval before the stage (typically before prod).
   * @default - no approval
   */
  readonly manualApproval?: ManualApprovalOptions;
  /**
   * The container whose image the stage replaces.
   * @default - the container registered in `productionTargetGroup`
   */
  readonly containerName?: string;
  /**
   * Port of the test listener added to the load balancer for green traffic.
   * @default 9000
   */
  readonly testListenerPort?: number;
  /**
   * The green target group the service is already wired to (e.g. `ReliableService.alternateTargetGroup`
   * with its blue/green strategy). Give it with `testListener`; the pipeline then adds neither.
   * @default - the pipeline adds an alternate target group
   */
  readonly alternateTargetGroup?: elbv2.ApplicationTargetGroup;
  /**
   * The test listener the service is already wired to (e.g. `ReliableService.testListener`).
   * @default - the pipeline adds a test listener on `testListenerPort`
   */
  readonly testListener?: elbv2.ApplicationListener;
  /**
   * Priority of the weighted catch-all rule added to the production listener (ECS native path).
   * @default 50000 (evaluated after every other rule)
   */
  readonly productionRulePriority?: number;
}

/** Options of a stage built from a `ReliableService` (see `BlueGreenPipeline.reliableServiceStage`). */
export interface ReliableServiceStageOptions {
  /** Stage name in the pipeline, e.g. `Prod`. */
  readonly stageName: string;
  /**
   * A manual approval before the stage.
   * @default - no approval
   */
  readonly manualApproval?: ManualApprovalOptions;
  /**
   * Alarms that block and roll back the stage, on top of the service's page alarm.
   * @default - the service's deployment alarms (`ReliableService.deploymentAlarms`)
   */
  readonly rollbackAlarms?: cloudwatch.IAlarm[];
  /**
   * Port of the test listener, when the service does not already have one.
   * @default 9000
   */
  readonly testListenerPort?: number;
}

/** Props of `BlueGreenPipeline`. */
export interface BlueGreenPipelineProps {
  /** Where the image comes from. */
  readonly source: PipelineSource;
  /**
   * The environments, deployed in order. Give either `stages` or the one-stage shorthand
   * (`service`, `productionListener`, `productionTargetGroup`, `pageAlarm`).
   * @default - one stage named `Deploy` from the shorthand props
   */
  readonly stages?: BlueGreenStageProps[];
  /**
   * Shorthand for one stage: the service to deploy.
   * @default - `stages` is required
   */
  readonly service?: ecs.FargateService;
  /**
   * Shorthand for one stage: the production listener.
   * @default - `stages` is required
   */
  readonly productionListener?: elbv2.ApplicationListener;
  /**
   * Shorthand for one stage: the production target group.
   * @default - `stages` is required
   */
  readonly productionTargetGroup?: elbv2.ApplicationTargetGroup;
  /**
   * Shorthand for one stage: the SLO page alarm.
   * @default - none
   */
  readonly pageAlarm?: cloudwatch.IAlarm;
  /**
   * Shorthand for one stage: a manual approval before it.
   * @default - no approval
   */
  readonly manualApproval?: ManualApprovalOptions;
  /**
   * Alarms that roll back every stage's rollout and block entry to every stage while in ALARM.
   * @default - none; every stage must then have its own page or rollback alarm
   */
  readonly rollbackAlarms?: cloudwatch.IAlarm[];
  /**
   * Deploy with no rollback alarm at all. Only for services without meaningful traffic.
   * @default false - a stage without any alarm is an error
   */
  readonly allowNoRollbackAlarms?: boolean;
  /**
   * How production traffic moves to the green tasks.
   * @default TrafficShift.allAtOnce() (ECS strategy BLUE_GREEN)
   */
  readonly trafficShift?: TrafficShift;
  /**
   * How long the blue tasks are kept, and alarms watched, after all traffic moved.
   * @default Duration.minutes(10)
   */
  readonly bakeTime?: Duration;
  /**
   * Who moves traffic: ECS itself, or CodeDeploy (the service must then use the CODE_DEPLOY controller).
   * @default DeploymentEngine.ECS_NATIVE
   */
  readonly engine?: DeploymentEngine;
  /**
   * Call the test listener's health path from a Lambda hook before production traffic moves
   * (ECS native path).
   * @default true
   */
  readonly preTrafficCheck?: boolean;
  /**
   * Pipeline name.
   * @default - generated
   */
  readonly pipelineName?: string;
  /**
   * Retention of the build and hook logs.
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * What happens to the key, buckets and log groups when the stack is deleted.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** What one stage of the pipeline deploys, and what guards it. */
export interface BlueGreenDeployment {
  /** The stage name. */
  readonly stageName: string;
  /** The service the stage deploys. */
  readonly service: ecs.FargateService;
  /** The green target group. */
  readonly alternateTargetGroup: elbv2.ApplicationTargetGroup;
  /** The listener that sends test traffic to the green tasks. */
  readonly testListener: elbv2.ApplicationListener;
  /** The alarms that roll the stage back and block its entry. */
  readonly rollbackAlarms: cloudwatch.IAlarm[];
  /**
   * The pre-traffic check hook.
   * @default - none (turned off, or the CodeDeploy path)
   */
  readonly preTrafficCheck?: lambda.IFunction;
  /**
   * The CodeDeploy deployment group.
   * @default - none (ECS native path)
   */
  readonly deploymentGroup?: codedeploy.IEcsDeploymentGroup;
}

interface ResolvedStage extends BlueGreenStageProps {
  readonly facts: StageTargetFacts;
  readonly alarms: cloudwatch.IAlarm[];
}

/** What every deploy stage shares. */
interface DeployStageOptions {
  readonly engine: DeploymentEngine;
  readonly trafficShift: TrafficShift;
  readonly bakeTime: Duration;
  readonly storage: PipelineStorage;
  readonly buildOutput: codepipeline.Artifact;
  /** The rollout's length on the ECS native path, which bounds the deploy action's timeout. */
  readonly rolloutMinutes?: number;
  readonly preTrafficCheck: boolean;
}

/** The deploy action of one stage and what its engine built for it. */
interface StageDeploy {
  readonly action: codepipeline.IAction;
  readonly preTrafficCheck?: lambda.IFunction;
  readonly deploymentGroup?: codedeploy.IEcsDeploymentGroup;
}

const DEFAULT_BAKE_TIME = Duration.minutes(10);
const DEFAULT_TEST_LISTENER_PORT = 9000;
const DEFAULT_PRODUCTION_RULE_PRIORITY = 50000;
const OUTPUT_IMAGE = 'Image';

/**
 * A CodePipeline V2 that ships one or more Fargate services blue/green and rolls back on their
 * SLO alarms: source (ECR tag, or Git + CodeBuild), then for each environment an optional
 * approval and a deploy stage that is not entered while its alarms fire and rolls back on failure.
 */
export class BlueGreenPipeline extends Construct {
  /**
   * A stage that deploys a `ReliableService`: its service, listener and target group, its SLO page
   * alarm, its deployment alarms, and its alternate target group and test listener when it was
   * built with `ServiceDeploymentStrategy.blueGreen()`.
   */
  public static reliableServiceStage(service: ReliableService, options: ReliableServiceStageOptions): BlueGreenStageProps {
    return {
      stageName: options.stageName,
      service: service.service,
      productionListener: service.listener,
      productionTargetGroup: service.targetGroup,
      alternateTargetGroup: service.alternateTargetGroup,
      testListener: service.testListener,
      pageAlarm: service.slos.pageAlarm,
      rollbackAlarms: options.rollbackAlarms ?? service.deploymentAlarms,
      manualApproval: options.manualApproval,
      testListenerPort: options.testListenerPort,
    };
  }

  /** The pipeline. */
  public readonly pipeline: codepipeline.Pipeline;
  /** Every alarm that rolls a rollout back, over all stages (no duplicates). */
  public readonly rollbackAlarms: cloudwatch.IAlarm[];
  /** What each stage deploys, in pipeline order. */
  public readonly deployments: BlueGreenDeployment[];
  /** The KMS-encrypted artifact bucket. */
  public readonly artifactBucket: s3.IBucket;
  /** The key that encrypts artifacts, build logs, hook logs and approval topics. */
  public readonly encryptionKey: kms.IKey;
  /** The build project that writes the deploy files (and builds the image for a Git source). */
  public readonly buildProject: codebuild.IProject;
  /**
   * The repository the build pushes to.
   * @default - none (ECR source)
   */
  public readonly imageRepository?: ecr.IRepository;

  constructor(scope: Construct, id: string, props: BlueGreenPipelineProps) {
    super(scope, id);
    const owner = ownerLabel('BlueGreenPipeline', this);
    requireObject(owner, 'props', props, 'given (source and stages, or source and the one-stage shorthand)');
    checkSource(owner, props.source);
    checkAlarmList(owner, 'rollbackAlarms', props.rollbackAlarms);
    const engine = props.engine ?? DeploymentEngine.ECS_NATIVE;
    const trafficShift = props.trafficShift ?? TrafficShift.allAtOnce();
    const bakeTime = props.bakeTime ?? DEFAULT_BAKE_TIME;
    checkTrafficShift(owner, trafficShift, engine);
    checkBakeTime(owner, bakeTime);
    const rolloutMinutes = engine === DeploymentEngine.ECS_NATIVE ? checkFitsEcsDeployAction(owner, trafficShift, bakeTime) : undefined;
    const stages = this.resolveStages(owner, props, engine);

    const storage = new PipelineStorage(this, 'Storage', {
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
      logRetention: props.logRetention ?? logs.RetentionDays.ONE_YEAR,
    });
    this.artifactBucket = storage.artifactBucket;
    this.encryptionKey = storage.key;

    this.pipeline = new codepipeline.Pipeline(this, 'Pipeline', {
      pipelineName: props.pipelineName,
      pipelineType: codepipeline.PipelineType.V2,
      artifactBucket: storage.artifactBucket,
      restartExecutionOnUpdate: false,
      role: new ManagedPolicyRole(this, 'PipelineRole', { assumedBy: new iam.ServicePrincipal('codepipeline.amazonaws.com') }),
    });
    // aws-cdk-lib's event targets reuse a child named EventsRole: make it one with a managed policy.
    new ManagedPolicyRole(this.pipeline, 'EventsRole', { assumedBy: new iam.ServicePrincipal('events.amazonaws.com') });

    const { sourceAction, sourceOutput, repository } = this.sourceOf(props.source, storage);
    this.imageRepository = repository;
    this.pipeline.addStage({ stageName: 'Source', actions: [sourceAction] });
    acknowledgeSourceEventRule(this.pipeline);

    const buildOutput = new codepipeline.Artifact(OUTPUT_IMAGE);
    const build = this.buildProjectOf(props.source, repository, stages, engine, storage);
    this.buildProject = build;
    this.pipeline.addStage({
      stageName: 'Build',
      actions: [new cpactions.CodeBuildAction({
        actionName: 'DeployFiles', project: build, input: sourceOutput, outputs: [buildOutput], role: actionRole(this, 'BuildActionRole'),
      })],
    });

    this.deployments = stages.map((stage) => this.addDeployStage(stage, {
      engine,
      trafficShift,
      bakeTime,
      storage,
      buildOutput,
      rolloutMinutes,
      preTrafficCheck: props.preTrafficCheck ?? true,
    }));
    this.rollbackAlarms = unique(stages.flatMap((s) => s.alarms));

    // Stage conditions read the alarms with the pipeline role. An SLO page alarm is a composite
    // alarm, and DescribeAlarms returns composite alarms only when the permission is on `*`
    // (CloudWatch API Reference, DescribeAlarms); the action only reads alarm state.
    if (this.rollbackAlarms.length > 0) {
      this.pipeline.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['cloudwatch:DescribeAlarms'], resources: ['*'] }));
    }
    tightenPolicies(this, () => this.scopedWildcards(storage, build));
  }

  /** The wildcard resources this construct's policies may hold, each narrowed to one resource of ours. */
  private scopedWildcards(storage: PipelineStorage, build: codebuild.PipelineProject): ScopedWildcardSource[] {
    const cfnOf = (c: Construct) => c.node.defaultChild as CfnElement;
    const logGroups = this.node.findAll().filter((c): c is logs.LogGroup => c instanceof logs.LogGroup);
    return [
      {
        resource: cfnOf(storage.artifactBucket),
        pattern: (id) => new RegExp(`^${escapeRegExp(id)}\\.Arn>/\\*$`),
        reason: 'objects of this pipeline\'s own artifact bucket; CodePipeline names each artifact per execution',
      },
      {
        resource: cfnOf(build),
        pattern: (id) => new RegExp(`:log-group:/aws/codebuild/${escapeRegExp(id)}>:\\*$`),
        reason: 'log streams of this build project\'s own log group; CodeBuild names a stream per build',
      },
      {
        resource: cfnOf(build),
        pattern: (id) => new RegExp(`:report-group/${escapeRegExp(id)}>-\\*$`),
        reason: 'test report groups named after this build project; CodeBuild creates them per report at run time',
      },
      ...logGroups.map((group) => ({
        resource: cfnOf(group),
        pattern: (id: string) => new RegExp(`^${escapeRegExp(id)}\\.Arn>:\\*$`),
        reason: 'log streams of this construct\'s own log group; the service names a stream per run',
      })),
    ];
  }

  private resolveStages(owner: string, props: BlueGreenPipelineProps, engine: DeploymentEngine): ResolvedStage[] {
    const shorthand = props.service ?? props.productionListener ?? props.productionTargetGroup ?? props.pageAlarm ?? props.manualApproval;
    if (props.stages !== undefined && shorthand !== undefined) {
      throw propError(owner, 'stages', 'not be combined with the one-stage shorthand (service, productionListener, productionTargetGroup, pageAlarm, manualApproval)', props.stages);
    }
    let stages: BlueGreenStageProps[];
    if (props.stages !== undefined) {
      if (!Array.isArray(props.stages) || props.stages.length === 0) throw propError(owner, 'stages', 'hold at least one stage', props.stages);
      stages = props.stages;
    } else {
      if (!props.service || !props.productionListener || !props.productionTargetGroup) {
        throw new ReliabilityValidationError(`${owner}: service, productionListener and productionTargetGroup must all be given (or stages), `
          + `got ${[props.service && 'service', props.productionListener && 'productionListener', props.productionTargetGroup && 'productionTargetGroup'].filter(Boolean).join(', ') || 'none of them'}`);
      }
      stages = [{
        stageName: 'Deploy',
        service: props.service,
        productionListener: props.productionListener,
        productionTargetGroup: props.productionTargetGroup,
        pageAlarm: props.pageAlarm,
        manualApproval: props.manualApproval,
      }];
    }
    const names = new Set<string>();
    return stages.map((stage, index) => {
      const prop = props.stages ? `stages[${index}]` : 'service';
      if (props.stages) {
        requireObject(owner, prop, stage, 'a BlueGreenStageProps');
        requireString(owner, `${prop}.stageName`, stage.stageName, '1-90 letters, digits or . @ - _ and not Source or Build');
        requireObject(owner, `${prop}.service`, stage.service, 'an ecs.FargateService');
        requireObject(owner, `${prop}.productionListener`, stage.productionListener, 'an elbv2.ApplicationListener');
        requireObject(owner, `${prop}.productionTargetGroup`, stage.productionTargetGroup, 'an elbv2.ApplicationTargetGroup');
        checkAlarmList(owner, `${prop}.rollbackAlarms`, stage.rollbackAlarms);
      }
      checkStageName(owner, `${prop}.stageName`, stage.stageName, names);
      names.add(stage.stageName);
      const facts = readStageTarget(owner, stage.service, stage.productionListener, stage.productionTargetGroup, stage.containerName);
      checkStageWiring(owner, prop, stage, facts, engine);
      if (stage.testListenerPort !== undefined) requirePlainInteger(owner, `${prop}.testListenerPort`, stage.testListenerPort, 1, 65535);
      // Only passed through to the listener rule: a token is left for CloudFormation to check.
      if (stage.productionRulePriority !== undefined) requireIntegerInRange(owner, `${prop}.productionRulePriority`, stage.productionRulePriority, 1, 50000);
      const alarms = unique([...(stage.pageAlarm ? [stage.pageAlarm] : []), ...(stage.rollbackAlarms ?? []), ...(props.rollbackAlarms ?? [])]);
      checkStageAlarmCount(owner, prop, alarms.length, props.allowNoRollbackAlarms ?? false);
      checkManualApproval(owner, `${props.stages ? `${prop}.` : ''}manualApproval`, stage.manualApproval);
      return { ...stage, facts, alarms };
    });
  }

  private sourceOf(source: PipelineSource, storage: PipelineStorage) {
    const sourceOutput = new codepipeline.Artifact('Source');
    if (source.kind === PipelineSourceKind.ECR) {
      const options = source.ecrOptions!;
      return {
        sourceOutput,
        repository: undefined,
        sourceAction: new cpactions.EcrSourceAction({
          actionName: 'Image',
          repository: options.repository,
          imageTag: options.tag ?? 'latest',
          output: sourceOutput,
          role: actionRole(this, 'SourceActionRole'),
        }),
      };
    }
    const options = source.codeStarOptions!;
    const repository = options.imageRepository ?? new ecr.Repository(this, 'ImageRepository', {
      imageScanOnPush: true,
      imageTagMutability: ecr.TagMutability.IMMUTABLE,
      encryption: ecr.RepositoryEncryption.KMS,
      encryptionKey: storage.key,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ description: 'Keep the last 100 images', maxImageCount: 100 }],
    });
    return {
      sourceOutput,
      repository,
      sourceAction: new cpactions.CodeStarConnectionsSourceAction({
        actionName: 'Code',
        connectionArn: options.connectionArn,
        owner: options.owner,
        repo: options.repo,
        branch: options.branch ?? 'main',
        output: sourceOutput,
        role: actionRole(this, 'SourceActionRole'),
      }),
    };
  }

  private buildProjectOf(
    source: PipelineSource, repository: ecr.IRepository | undefined, stages: ResolvedStage[],
    engine: DeploymentEngine, storage: PipelineStorage,
  ): codebuild.PipelineProject {
    const buildsImage = source.kind === PipelineSourceKind.CODESTAR_CONNECTION;
    const imageFiles: ImageFileSpec[] = stages.map((s) => ({ fileName: imageFileName(s.stageName), containerName: s.facts.containerName }));
    const codeDeployFiles: CodeDeployFileSpec[] = engine === DeploymentEngine.CODE_DEPLOY ? stages.map((s) => ({
      taskDefinitionFile: `taskdef-${s.stageName}.json`,
      appSpecFile: `appspec-${s.stageName}.yaml`,
      taskDefinitionArn: s.service.taskDefinition.taskDefinitionArn,
      containerName: s.facts.containerName,
      containerPort: s.facts.containerPort,
    })) : [];
    const commands = [
      ...(buildsImage ? BUILD_AND_PUSH_IMAGE : IMAGE_FROM_ECR_SOURCE),
      WRITE_IMAGE_DEFINITIONS,
      ...(codeDeployFiles.length ? [WRITE_CODEDEPLOY_FILES] : []),
    ];
    const outputFiles = [
      ...imageFiles.map((f) => f.fileName),
      ...codeDeployFiles.flatMap((f) => [f.taskDefinitionFile, f.appSpecFile]),
    ];
    const project = new codebuild.PipelineProject(this, 'Build', {
      description: buildsImage ? 'Builds and pushes the image, writes the deploy files' : 'Writes the deploy files for the pushed image',
      encryptionKey: storage.key,
      role: new ManagedPolicyRole(this, 'BuildRole', { assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com') }),
      environment: {
        buildImage: codebuild.LinuxBuildImage.STANDARD_7_0,
        computeType: codebuild.ComputeType.SMALL,
        // Docker needs it to build the image; the ECR-source build never runs Docker.
        privileged: buildsImage,
      },
      environmentVariables: {
        IMAGE_FILES: { value: JSON.stringify(imageFiles) },
        ...(codeDeployFiles.length ? { CODEDEPLOY_FILES: { value: codeDeployFilesJson(this, codeDeployFiles) } } : {}),
        ...(repository ? {
          REPOSITORY_URI: { value: repository.repositoryUri },
          REPOSITORY_NAME: { value: repository.repositoryName },
          BUILD_CONTEXT: { value: source.codeStarOptions?.dockerBuildContext ?? '.' },
        } : {}),
      },
      logging: { cloudWatch: { logGroup: storage.logGroup(this, 'BuildLogs') } },
      timeout: Duration.minutes(30),
      buildSpec: codebuild.BuildSpec.fromObject({
        version: '0.2',
        phases: { build: { commands } },
        artifacts: { files: outputFiles },
      }),
    });
    const sourceReason = 'The project\'s source type is CODEPIPELINE: it reads only the pipeline\'s encrypted artifact and holds '
      + 'no repository URL or Git credentials, so there is no OAuth connection to configure';
    for (const pack of ['HIPAA.Security', 'PCI.DSS.321']) {
      Validations.of(project).acknowledge({ id: `${pack}-CodeBuildProjectSourceRepoUrl`, reason: sourceReason });
    }
    if (buildsImage) {
      Validations.of(project).acknowledge({
        id: 'cdk-validator-cfnguard::codebuild_project_environment_privileged_check',
        reason: 'Privileged mode runs the Docker daemon that builds the image from the Git source; the ECR-source build, '
          + 'which needs no Docker, runs unprivileged',
      });
    }
    if (repository) {
      repository.grantPullPush(project);
    }
    if (codeDeployFiles.length) {
      project.addToRolePolicy(new iam.PolicyStatement({ actions: ['ecs:DescribeTaskDefinition'], resources: ['*'] }));
    }
    return project;
  }

  /**
   * One environment: its green side, the engine's deploy action, an optional approval stage,
   * then the deploy stage, closed while the stage's alarms fire and rolled back on failure.
   */
  private addDeployStage(stage: ResolvedStage, options: DeployStageOptions): BlueGreenDeployment {
    const scope = new Construct(this, stage.stageName);
    const native = options.engine === DeploymentEngine.ECS_NATIVE;
    const testListenerPort = stage.testListenerPort ?? DEFAULT_TEST_LISTENER_PORT;
    const wiring = stage.alternateTargetGroup && stage.testListener
      ? { alternateTargetGroup: stage.alternateTargetGroup, testListener: stage.testListener }
      : wireAlternateTarget(scope, {
        service: stage.service,
        productionListener: stage.productionListener,
        productionTargetGroup: stage.productionTargetGroup,
        facts: stage.facts,
        testListenerPort,
        productionRulePriority: stage.productionRulePriority ?? DEFAULT_PRODUCTION_RULE_PRIORITY,
        weightedRules: native,
      });
    const deploy = native
      ? this.nativeDeploy(scope, stage, wiring, testListenerPort, options)
      : this.codeDeployDeploy(scope, stage, wiring, options);

    if (stage.manualApproval) {
      this.pipeline.addStage({
        stageName: `Approve-${stage.stageName}`,
        actions: [new cpactions.ManualApprovalAction({
          actionName: 'Approve',
          notificationTopic: approvalTopic(scope, stage.manualApproval, options.storage),
          role: actionRole(scope, 'ApprovalActionRole'),
          additionalInformation: stage.manualApproval.additionalInformation
            ?? `Approve the blue/green rollout to ${stage.stageName}; it rolls back on ${stage.alarms.length} alarm(s).`,
        })],
      });
    }
    this.pipeline.addStage({
      stageName: stage.stageName,
      actions: [deploy.action],
      beforeEntry: stage.alarms.length ? {
        conditions: [{
          result: codepipeline.Result.FAIL,
          rules: stage.alarms.map((alarm, index) => new codepipeline.Rule({
            name: `${stage.stageName}-alarm-${index + 1}`,
            provider: 'CloudWatchAlarm',
            version: '1',
            configuration: { AlarmName: alarm.alarmName, AlarmStates: 'ALARM' },
          })),
        }],
      } : undefined,
      onFailure: { result: codepipeline.Result.ROLLBACK },
    });

    return {
      stageName: stage.stageName,
      service: stage.service,
      alternateTargetGroup: wiring.alternateTargetGroup,
      testListener: wiring.testListener,
      rollbackAlarms: stage.alarms,
      preTrafficCheck: deploy.preTrafficCheck,
      deploymentGroup: deploy.deploymentGroup,
    };
  }

  /** ECS moves the traffic: the service gets the blue/green strategy, the action only registers the new image. */
  private nativeDeploy(
    scope: Construct, stage: ResolvedStage, wiring: BlueGreenWiring, testListenerPort: number, options: DeployStageOptions,
  ): StageDeploy {
    const check = configureNativeBlueGreen(scope, {
      service: stage.service,
      productionListener: stage.productionListener,
      productionTargetGroup: stage.productionTargetGroup,
      facts: stage.facts,
      testListenerPort,
      wiring,
      trafficShift: options.trafficShift,
      bakeTime: options.bakeTime,
      alarms: stage.alarms,
      storage: options.storage,
      preTrafficCheck: options.preTrafficCheck,
    });
    const action = new cpactions.EcsDeployAction({
      actionName: 'BlueGreen',
      service: stage.service,
      imageFile: options.buildOutput.atPath(imageFileName(stage.stageName)),
      // Task start-up plus the rollout; the action never waits more than 60 minutes.
      deploymentTimeout: Duration.minutes(Math.min(60, Math.ceil((options.rolloutMinutes ?? 45) + 15))),
      role: ecsDeployRole(scope, stage.service, options.storage),
      runOrder: 1,
    });
    return { action, preTrafficCheck: check?.function };
  }

  /** CodeDeploy moves the traffic: a deployment group per stage, fed the task definition and AppSpec the build wrote. */
  private codeDeployDeploy(scope: Construct, stage: ResolvedStage, wiring: BlueGreenWiring, options: DeployStageOptions): StageDeploy {
    const deploymentGroup = configureCodeDeployBlueGreen(scope, {
      service: stage.service,
      productionListener: stage.productionListener,
      productionTargetGroup: stage.productionTargetGroup,
      wiring,
      trafficShift: options.trafficShift,
      bakeTime: options.bakeTime,
      alarms: stage.alarms,
    });
    const action = new cpactions.CodeDeployEcsDeployAction({
      actionName: 'BlueGreen',
      deploymentGroup,
      appSpecTemplateFile: options.buildOutput.atPath(`appspec-${stage.stageName}.yaml`),
      taskDefinitionTemplateFile: options.buildOutput.atPath(`taskdef-${stage.stageName}.json`),
      containerImageInputs: [{ input: options.buildOutput, taskDefinitionPlaceholder: 'IMAGE1_NAME' }],
      role: actionRole(scope, 'DeployActionRole'),
      runOrder: 1,
    });
    return { action, deploymentGroup };
  }
}

function imageFileName(stageName: string): string {
  return `imagedefinitions-${stageName}.json`;
}

/**
 * Task definition ARNs are tokens, so the JSON is rendered by the stack: every string is escaped
 * (a container name may hold a quote) and the tokens are joined at deploy time by CloudFormation.
 */
function codeDeployFilesJson(scope: Construct, files: CodeDeployFileSpec[]): string {
  return Stack.of(scope).toJsonString(files);
}

/**
 * The ECS deploy action's role, scoped to the stage's service and its task roles instead of
 * aws-cdk-lib's `ecs:*`-style grants on `*` and `iam:PassRole` on `*`.
 */
function ecsDeployRole(scope: Construct, service: ecs.FargateService, storage: PipelineStorage): iam.IRole {
  const role = new ManagedPolicyRole(scope, 'DeployActionRole', {
    assumedBy: new iam.AccountRootPrincipal(),
    description: 'CodePipeline ECS deploy action: updates one service, passes its two task roles',
  });
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['ecs:DescribeServices', 'ecs:UpdateService'],
    resources: [service.serviceArn],
  }));
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['ecs:RegisterTaskDefinition', 'ecs:DescribeTaskDefinition', 'ecs:DescribeTasks', 'ecs:ListTasks', 'ecs:TagResource'],
    resources: ['*'],
  }));
  const passRoles = [service.taskDefinition.taskRole, service.taskDefinition.executionRole].filter((r): r is iam.IRole => r !== undefined);
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['iam:PassRole'],
    resources: passRoles.map((r) => r.roleArn),
    conditions: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
  }));
  // It reads the image definitions file from the artifact bucket.
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['s3:GetObject', 's3:GetObjectVersion'],
    resources: [storage.artifactBucket.arnForObjects('*')],
  }));
  role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['kms:Decrypt', 'kms:DescribeKey'], resources: [storage.key.keyArn] }));
  // aws-cdk-lib adds its broad ECS grants to whatever role the action gets; this view drops them.
  return role.withoutPolicyUpdates();
}

/**
 * The ECR source action starts the pipeline from an EventBridge rule it builds itself, with no
 * dead-letter queue option; the finding is acknowledged with the reason.
 */
function acknowledgeSourceEventRule(pipeline: codepipeline.Pipeline): void {
  for (const rule of pipeline.node.findAll().filter((c): c is events.Rule => c instanceof events.Rule)) {
    Validations.of(rule).acknowledge({
      id: 'Serverless-EventBusDLQ',
      reason: 'The ECR push rule only starts this pipeline; a lost start is visible as FailedInvocations on the rule '
        + 'and is repeated by pushing the tag again, so a dead-letter queue would hold nothing to replay',
    });
  }
}

/** A pipeline action role (assumed by the pipeline role, as aws-cdk-lib's own) with a managed policy. */
function actionRole(scope: Construct, id: string): iam.IRole {
  return new ManagedPolicyRole(scope, id, { assumedBy: new iam.AccountRootPrincipal() });
}

function approvalTopic(scope: Construct, approval: ManualApprovalOptions, storage: PipelineStorage): sns.ITopic {
  if (approval.notificationTopic && !(approval.notifyEmails ?? []).length) return approval.notificationTopic;
  const topic = approval.notificationTopic ?? new sns.Topic(scope, 'ApprovalTopic', { masterKey: storage.key, enforceSSL: true });
  for (const email of approval.notifyEmails ?? []) {
    const subscription = topic.addSubscription(new subscriptions.EmailSubscription(email));
    Validations.of(subscription).acknowledge({
      id: 'Serverless-SNSRedrivePolicy',
      reason: 'An undelivered approval email loses nothing: the approval keeps waiting in the pipeline and on its topic\'s '
        + 'other subscribers, so a dead-letter queue would hold nothing to act on',
    });
  }
  return topic;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
