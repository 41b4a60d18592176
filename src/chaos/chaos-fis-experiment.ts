import {
  Aws,
  Duration,
  Stack,
  Validations,
  aws_cloudwatch as cloudwatch,
  aws_fis as fis,
  aws_iam as iam,
  aws_logs as logs,
  aws_s3 as s3,
  aws_scheduler as scheduler,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ChaosSchedule } from './chaos-schedule';
import { checkActions, checkDescription, checkRecurringChaosOptIn, checkStopConditions } from './experiment-input-rules';
import { createExperimentLogGroup } from './experiment-log-group';
import { FisAction } from './fis-action';
import { fisExperiments, fisExperimentTemplate } from './fis-arns';
import { FIS_REPORT_WINDOW_MAX_SECONDS, FIS_REPORT_WINDOW_MIN_SECONDS, fisDuration } from './fis-duration';
import { wildcardResourceFindings } from './nag-findings';
import { packBySize } from './statement-packing';
import { justifiedStatement, wildcardReason } from './statement-reasons';
import { ownerLabel, propError } from '../common/errors';
import { requireTimeZone } from '../common/time-zone';
import { requireNonEmpty, requireObject } from '../common/validate';

/** What FIS does when a target resolves to no resource. */
export enum EmptyTargetResolutionMode {
  /** The experiment fails: a target that matches nothing usually means a wrong selector. */
  FAIL = 'fail',
  /** The action is skipped. */
  SKIP = 'skip',
}

/** Where the FIS experiment report goes and what it shows. */
export interface ExperimentReportOptions {
  /** The bucket the report (PDF) is written to. */
  readonly bucket: s3.IBucket;
  /**
   * Key prefix of the report objects.
   * @default 'fis-reports/'
   */
  readonly prefix?: string;
  /**
   * Dashboards whose widgets are included in the report.
   * @default - none
   */
  readonly dashboards?: cloudwatch.Dashboard[];
  /**
   * How much time before the experiment the report covers (1 to 30 minutes).
   * @default - the FIS default
   */
  readonly preExperimentDuration?: Duration;
  /**
   * How much time after the experiment the report covers (1 to 30 minutes).
   * @default - the FIS default
   */
  readonly postExperimentDuration?: Duration;
}

/** Props of ChaosFisExperiment. */
export interface ChaosFisExperimentProps {
  /** What the experiment tests; shown in the FIS console. */
  readonly description: string;
  /** The faults, in any order; `startAfter` orders them. */
  readonly actions: FisAction[];
  /**
   * Alarms that stop the experiment when they fire, typically the SLO page alarm. At least one
   * is required: an experiment that cannot stop itself is refused.
   */
  readonly stopConditions: cloudwatch.IAlarm[];
  /**
   * The log group the experiment log is written to.
   * @default - a new log group, encrypted with a new customer-managed key, retained
   */
  readonly logGroup?: logs.ILogGroup;
  /**
   * Retention of the log group created when `logGroup` is not given.
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * The experiment report (S3 output, optional dashboards).
   * @default - no report
   */
  readonly experimentReport?: ExperimentReportOptions;
  /**
   * What FIS does when a target resolves to nothing.
   * @default EmptyTargetResolutionMode.FAIL
   */
  readonly emptyTargetResolutionMode?: EmptyTargetResolutionMode;
  /**
   * Start the experiment on a schedule (recurring game days). Requires `acknowledgeRecurringChaos: true`.
   * @default - the experiment only starts by hand
   */
  readonly schedule?: ChaosSchedule;
  /**
   * Time zone of `schedule`: an IANA time zone name, e.g. `Europe/Paris`, `UTC` or `Etc/UTC`.
   * @default 'UTC'
   */
  readonly scheduleTimeZone?: string;
  /**
   * Must be true to use `schedule`: faults will be injected without anyone pressing a button.
   * @default false
   */
  readonly acknowledgeRecurringChaos?: boolean;
}

/**
 * An AWS FIS experiment template with typed actions, a least-privilege role built from the
 * actions' own statements, mandatory alarm stop conditions, an encrypted retained log, and
 * optionally a report and a recurring schedule.
 */
export class ChaosFisExperiment extends Construct {
  /** The FIS experiment template. */
  public readonly template: fis.CfnExperimentTemplate;
  /** The role FIS assumes to run the actions. */
  public readonly role: iam.Role;
  /** The id of the experiment template. */
  public readonly experimentTemplateId: string;
  /** The log group of the experiment log. */
  public readonly logGroup: logs.ILogGroup;
  /** The schedule starting the experiment, if `schedule` was given. */
  public readonly schedule?: scheduler.CfnSchedule;

  private readonly owner: string;

  constructor(scope: Construct, id: string, props: ChaosFisExperimentProps) {
    super(scope, id);
    this.owner = ownerLabel('ChaosFisExperiment', this);
    const owner = this.owner;
    requireObject(owner, 'props', props, 'an object');
    checkDescription(owner, props.description);
    const actions = requireNonEmpty(owner, 'actions', props.actions, 'action');
    const stopConditions = checkStopConditions(owner, props.stopConditions);
    checkActions(owner, actions, Stack.of(this).region);
    const schedule = props.schedule ? renderSchedule(owner, props) : undefined;
    const timeZone = props.scheduleTimeZone ?? 'UTC';
    if (schedule) requireTimeZone(owner, 'scheduleTimeZone', timeZone);
    const report = props.experimentReport ? renderReport(owner, props.experimentReport) : undefined;

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('fis.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
          ArnLike: { 'aws:SourceArn': fisExperiments() },
        },
      }),
      description: `Runs the FIS experiment ${this.node.path}`,
    });
    this.logGroup = props.logGroup ?? createExperimentLogGroup(this, props.logRetention ?? logs.RetentionDays.ONE_YEAR);

    actions.forEach((action) => action._bind(this));
    const statements = [
      ...actions.flatMap((a) => a.statements),
      ...logDeliveryStatements(),
      ...(props.experimentReport ? reportStatements(props.experimentReport) : []),
    ];
    this.attachPolicies(statements);

    this.template = new fis.CfnExperimentTemplate(this, 'Template', {
      description: props.description,
      roleArn: this.role.roleArn,
      stopConditions: stopConditions.map((alarm) => ({ source: 'aws:cloudwatch:alarm', value: alarm.alarmArn })),
      targets: Object.fromEntries(actions.filter((a) => a.target).map((a) => [targetName(a), renderTarget(owner, a)])),
      actions: Object.fromEntries(actions.map((a) => [a.name, renderAction(a)])),
      logConfiguration: {
        logSchemaVersion: 2,
        cloudWatchLogsConfiguration: { LogGroupArn: this.logGroup.logGroupArn },
      },
      experimentOptions: {
        accountTargeting: 'single-account',
        emptyTargetResolutionMode: props.emptyTargetResolutionMode ?? EmptyTargetResolutionMode.FAIL,
      },
      experimentReportConfiguration: report,
      tags: { Name: this.node.path.slice(-128) },
    });
    this.template.node.addDependency(this.role);
    this.experimentTemplateId = this.template.attrId;

    if (schedule) this.schedule = this.createSchedule(schedule, timeZone);
  }

  /**
   * Customer-managed policies (NIST / HIPAA / PCI refuse inline ones), split so each stays under
   * the IAM size limit. Each wildcard resource the library justified is acknowledged with its reason.
   */
  private attachPolicies(statements: iam.PolicyStatement[]): void {
    const stack = Stack.of(this);
    const unique = dedupe(stack, statements);
    const sizes = unique.map((s) => JSON.stringify(stack.resolve(s.toStatementJson())).length);
    packBySize(sizes).forEach((indexes, i) => {
      const policy = new iam.ManagedPolicy(this, i === 0 ? 'Policy' : `Policy${i + 1}`, {
        description: `Least-privilege permissions of the FIS experiment ${this.node.path}`,
        statements: indexes.map((index) => unique[index]),
        roles: [this.role],
      });
      acknowledgeLater(policy, indexes.map((index) => unique[index]));
    });
  }

  private createSchedule(expression: string, timeZone: string): scheduler.CfnSchedule {
    const role = new iam.Role(this, 'SchedulerRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
      description: `Starts the FIS experiment ${this.node.path} on its schedule`,
    });
    const statement = justifiedStatement({
      actions: ['fis:StartExperiment'],
      resources: [fisExperimentTemplate(this.experimentTemplateId), fisExperiments()],
    }, 'fis:StartExperiment also authorizes the experiment it creates, whose id is generated at start; the template is named');
    const policy = new iam.ManagedPolicy(this, 'SchedulerPolicy', {
      description: `Lets EventBridge Scheduler start only the FIS experiment ${this.node.path}`,
      statements: [statement],
      roles: [role],
    });
    acknowledgeLater(policy, [statement]);
    return new scheduler.CfnSchedule(this, 'Schedule', {
      description: `Recurring game day: starts FIS experiment ${this.node.path}`.slice(0, 512),
      scheduleExpression: expression,
      scheduleExpressionTimezone: timeZone,
      flexibleTimeWindow: { mode: 'OFF' },
      state: 'ENABLED',
      target: {
        arn: 'arn:aws:scheduler:::aws-sdk:fis:startExperiment',
        roleArn: role.roleArn,
        // The SDK fills the idempotency token (clientToken) itself.
        input: Stack.of(this).toJsonString({ ExperimentTemplateId: this.experimentTemplateId }),
        // A game day that could not start is not retried later, when nobody is watching.
        retryPolicy: { maximumRetryAttempts: 0 },
      },
    });
  }
}

function renderSchedule(owner: string, props: ChaosFisExperimentProps): string {
  checkRecurringChaosOptIn(owner, props.acknowledgeRecurringChaos);
  if (!(props.schedule instanceof ChaosSchedule)) throw propError(owner, 'schedule', 'be a ChaosSchedule', props.schedule);
  return props.schedule._render(owner);
}

type ReportConfiguration = fis.CfnExperimentTemplate.ExperimentTemplateExperimentReportConfigurationProperty;

function renderReport(owner: string, report: ExperimentReportOptions): ReportConfiguration {
  requireObject(owner, 'experimentReport', report, 'an object');
  if (!report.bucket || typeof report.bucket.bucketName !== 'string') throw propError(owner, 'experimentReport.bucket', 'be an S3 bucket', report.bucket);
  const window = (prop: string, d?: Duration) => d === undefined
    ? undefined
    : fisDuration(owner, `experimentReport.${prop}`, d, FIS_REPORT_WINDOW_MIN_SECONDS, FIS_REPORT_WINDOW_MAX_SECONDS);
  const dashboards = report.dashboards ?? [];
  return {
    outputs: { experimentReportS3Configuration: { bucketName: report.bucket.bucketName, prefix: report.prefix ?? 'fis-reports/' } },
    dataSources: dashboards.length > 0
      ? { cloudWatchDashboards: dashboards.map((d) => ({ dashboardIdentifier: d.dashboardArn })) }
      : undefined,
    preExperimentDuration: window('preExperimentDuration', report.preExperimentDuration),
    postExperimentDuration: window('postExperimentDuration', report.postExperimentDuration),
  };
}

function targetName(action: FisAction): string {
  return `${action.name}Target`;
}

function renderTarget(owner: string, action: FisAction): fis.CfnExperimentTemplate.ExperimentTemplateTargetProperty {
  const target = action.target!;
  return {
    resourceType: target.resourceType,
    selectionMode: target.selection._render(owner, `actions["${action.name}"] target selection`),
    resourceArns: target.resourceArns,
    resourceTags: target.resourceTags,
    filters: target.filters?.map((f) => ({ path: f.path, values: f.values })),
    parameters: target.parameters && Object.keys(target.parameters).length > 0 ? target.parameters : undefined,
  };
}

function renderAction(action: FisAction): fis.CfnExperimentTemplate.ExperimentTemplateActionProperty {
  return {
    actionId: action.actionId,
    description: action.description,
    parameters: Object.keys(action.parameters).length > 0 ? action.parameters : undefined,
    targets: action.target && action.targetKey ? { [action.targetKey]: targetName(action) } : undefined,
    startAfter: action.startAfter.length > 0 ? action.startAfter : undefined,
  };
}

/** FIS delivers the experiment log as a vended log; these are the permissions its docs list. */
function logDeliveryStatements(): iam.PolicyStatement[] {
  return [justifiedStatement({
    actions: ['logs:CreateLogDelivery', 'logs:PutResourcePolicy', 'logs:DescribeResourcePolicies', 'logs:DescribeLogGroups'],
    resources: ['*'],
  }, 'Vended log delivery (logs:CreateLogDelivery, resource policies, DescribeLogGroups) has no resource-level permissions (IAM service authorization reference)')];
}

function reportStatements(report: ExperimentReportOptions): iam.PolicyStatement[] {
  const prefix = report.prefix ?? 'fis-reports/';
  const statements = [
    justifiedStatement({
      actions: ['s3:PutObject', 's3:GetObject'],
      resources: [report.bucket.arnForObjects(`${prefix}*`)],
    }, 'Report object keys contain the experiment id generated at run time; the resource is limited to the report prefix'),
  ];
  const key = report.bucket.encryptionKey;
  if (key) {
    // FIS writes the report with the experiment role, so SSE-KMS needs the role to use the key
    // (Amazon S3 User Guide, "Using server-side encryption with AWS KMS keys": PutObject needs
    // kms:GenerateDataKey, GetObject kms:Decrypt). In the customer-managed policy, not an inline one.
    statements.push(new iam.PolicyStatement({
      actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
      resources: [key.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': `s3.${Aws.REGION}.amazonaws.com` } },
    }));
  }
  const dashboards = report.dashboards ?? [];
  if (dashboards.length > 0) {
    statements.push(
      new iam.PolicyStatement({ actions: ['cloudwatch:GetDashboard'], resources: dashboards.map((d) => d.dashboardArn) }),
      justifiedStatement({ actions: ['cloudwatch:GetMetricWidgetImage'], resources: ['*'] },
        'cloudwatch:GetMetricWidgetImage has no resource-level permissions (IAM service authorization reference); it renders the dashboard widgets'),
    );
  }
  return statements;
}

/** Several actions on the same service produce identical statements; keep one of each. */
function dedupe(stack: Stack, statements: iam.PolicyStatement[]): iam.PolicyStatement[] {
  const seen = new Set<string>();
  return statements.filter((statement) => {
    const key = JSON.stringify(stack.resolve(statement.toStatementJson()));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The finding ids embed the resolved resources, and a reference to another stack only becomes
 * `Fn::ImportValue` once the app is prepared; so the ids are computed in the validation phase,
 * which runs after that and before the manifest (and the policy plugins) read the metadata.
 */
function acknowledgeLater(policy: Construct, statements: iam.PolicyStatement[]): void {
  let done = false;
  policy.node.addValidation({
    validate: () => {
      // An app synthesized twice (tests do) must not record the acknowledgements twice.
      if (!done) acknowledgeJustifiedWildcards(Stack.of(policy), policy, statements);
      done = true;
      return [];
    },
  });
}

/**
 * One acknowledgement per IAM5 finding of the policy. Several statements can share a finding
 * (`Resource::*`), so its reason lists every justification, each of which names its actions.
 */
function acknowledgeJustifiedWildcards(stack: Stack, policy: Construct, statements: iam.PolicyStatement[]): void {
  const reasons = new Map<string, string[]>();
  for (const statement of statements) {
    const reason = wildcardReason(statement);
    if (!reason) continue;
    for (const finding of wildcardResourceFindings(stack.resolve(statement.toStatementJson()))) {
      const list = reasons.get(finding) ?? [];
      if (!list.includes(reason)) list.push(reason);
      reasons.set(finding, list);
    }
  }
  for (const [finding, list] of reasons) {
    Validations.of(policy).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason: list.join('; ') });
  }
}
