import {
  Annotations, Duration, Lazy, RemovalPolicy, Stack, Token,
  aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as cw_actions, aws_iam as iam, aws_kms as kms, aws_sns as sns, aws_sqs as sqs,
} from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { OnCallDestination } from './on-call-destination';
import { describeWithRunbook, isRunbookBaseUrl, runbookUrl } from './runbook-link';
import { AlertMark, alertMarkOf, markAlert } from '../common/alert-marker';
import { acknowledgeDeadLetterQueue } from '../common/dead-letter-queue';
import { ownerLabel, propError } from '../common/errors';
import { denyGrantsToNonAwsServices } from '../common/kms-grant-guard';
import { requireNonEmpty, requireObject } from '../common/validate';

/** Props of an `OnCallRouting`. */
export interface OnCallRoutingProps {
  /** Who is paged: at least one destination (a paging webhook, an email address, a chat channel). */
  readonly pageDestinations: OnCallDestination[];
  /** Where tickets go (the team's queue): at least one destination. */
  readonly ticketDestinations: OnCallDestination[];
  /**
   * Base URL of the runbooks `cdk-reliability runbook` writes (e.g. where the team publishes them). Every
   * paging alarm routed here gets ` Runbook: <base>/<stack name>/<logical id>.md` in its description,
   * unless its description already carries a runbook link.
   *
   * @default - no runbook link is added
   */
  readonly runbookBaseUrl?: string;
  /**
   * The key of both topics and the dead-letter queue. Its policy must let `cloudwatch.amazonaws.com`
   * (alarms) and `sns.amazonaws.com` (the dead-letter queue) use it; an imported key gets a warning.
   *
   * @default - a new customer-managed key with rotation, retained on stack deletion
   */
  readonly encryptionKey?: kms.IKey;
}

/** What CloudWatch (publishing to the topics) and SNS (writing the dead-letter queue) need on the key. */
const KEY_USE_ACTIONS = ['kms:Decrypt', 'kms:GenerateDataKey*'];
/** SQS keeps an undelivered page this long: the longest retention SQS allows. */
const DEAD_LETTER_RETENTION = Duration.days(14);

/**
 * The on-call routes of an app, written once: a page topic and a ticket topic (KMS-encrypted, TLS
 * only) with their destinations, delivery failures in a dead-letter queue with its own alarm, and
 * `routeAlarms(scope)`, which attaches every page and ticket alarm of the library's constructs in a
 * scope (SloAlarmSet, ReliableService, DrBackupPlan / DrVault) to the matching route.
 */
export class OnCallRouting extends Construct {
  /** Pages: what wakes someone up. */
  public readonly pageTopic: sns.ITopic;
  /** Tickets: what the team looks at in working hours. */
  public readonly ticketTopic: sns.ITopic;
  /** The key of both topics and the dead-letter queue. */
  public readonly encryptionKey: kms.IKey;
  /** Notifications SNS could not deliver to a webhook or email after its retries. */
  public readonly deadLetterQueue: sqs.IQueue;
  /** Fires when a notification lands in the dead-letter queue; it notifies both routes. */
  public readonly deadLetterAlarm: cloudwatch.IAlarm;

  private readonly owner: string;
  private readonly runbookBaseUrl?: string;
  private readonly routed = new Set<IConstruct>();
  private readonly chatChannels = new Map<string, sns.ITopic[]>();

  constructor(scope: Construct, id: string, props: OnCallRoutingProps) {
    super(scope, id);
    this.owner = ownerLabel('OnCallRouting', this);
    requireObject(this.owner, 'props', props, 'given (at least pageDestinations and ticketDestinations)');
    const pages = requireNonEmpty(this.owner, 'pageDestinations', props.pageDestinations, 'destination (a page must reach a person)');
    const tickets = requireNonEmpty(this.owner, 'ticketDestinations', props.ticketDestinations, 'destination (a ticket must reach the team)');
    if (props.runbookBaseUrl !== undefined && !Token.isUnresolved(props.runbookBaseUrl) && !isRunbookBaseUrl(props.runbookBaseUrl)) {
      throw propError(this.owner, 'runbookBaseUrl', 'be an https:// URL such as https://runbooks.example.com/checkout', props.runbookBaseUrl);
    }
    this.runbookBaseUrl = props.runbookBaseUrl;

    this.encryptionKey = props.encryptionKey ?? this.createKey();
    this.letServicesUseKey(props.encryptionKey !== undefined);
    this.pageTopic = this.createTopic('PageTopic', 'Pages');
    this.ticketTopic = this.createTopic('TicketTopic', 'Tickets');
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: this.encryptionKey,
      enforceSSL: true,
      retentionPeriod: DEAD_LETTER_RETENTION,
    });
    acknowledgeDeadLetterQueue(this.deadLetterQueue, 'This queue is itself the dead-letter queue of the on-call SNS subscriptions '
      + '(their RedrivePolicy names it; the rules only recognize SQS and Lambda sources); a dead-letter queue of a dead-letter queue has nothing to catch');

    this.subscribe('Page', this.pageTopic, pages, 'pageDestinations');
    this.subscribe('Ticket', this.ticketTopic, tickets, 'ticketDestinations');
    this.deadLetterAlarm = this.createDeadLetterAlarm();
  }

  /**
   * Attaches every page and ticket alarm the library's constructs created in `scope` (an app, a stage,
   * a stack or a construct) to the page or ticket route; an alarm routed before is left as it is.
   * Alarms of another Region are left for that Region's routing (an alarm action must be a topic of the
   * alarm's Region); ReliabilityChecks reports an alarm that no routing picked up.
   *
   * @returns how many alarms were routed by this call
   */
  public routeAlarms(scope: IConstruct): number {
    let count = 0;
    for (const node of scope.node.findAll()) {
      const mark = alertMarkOf(node);
      const alarm = node.node.scope;
      if (!mark || !alarm || !isAlarm(alarm) || !this.sameRegion(alarm)) continue;
      if (this.route(alarm, mark)) count++;
    }
    return count;
  }

  /** Sends an alarm of your own to the page route (with a runbook link when `runbookBaseUrl` is set). */
  public routePage(alarm: cloudwatch.IAlarm): void {
    this.routeGiven(alarm, 'PAGE');
  }

  /** Sends an alarm of your own to the ticket route. */
  public routeTicket(alarm: cloudwatch.IAlarm): void {
    this.routeGiven(alarm, 'TICKET');
  }

  private routeGiven(alarm: cloudwatch.IAlarm, mark: AlertMark): void {
    if (!isAlarm(alarm)) {
      throw propError(this.owner, mark === 'PAGE' ? 'routePage(alarm)' : 'routeTicket(alarm)',
        'be an alarm created in this app (cloudwatch.Alarm or CompositeAlarm): an imported alarm\'s actions cannot be changed', alarm?.node?.path ?? alarm);
    }
    if (!this.sameRegion(alarm)) {
      throw propError(this.owner, mark === 'PAGE' ? 'routePage(alarm)' : 'routeTicket(alarm)',
        `be an alarm of the routing's Region ${Stack.of(this).region} (an alarm action must be a topic of the alarm's Region); use an OnCallRouting in that Region`,
        `${alarm.node.path} in ${Stack.of(alarm).region}`);
    }
    markAlert(alarm, mark);
    this.route(alarm, mark);
  }

  private sameRegion(alarm: IConstruct): boolean {
    const alarmRegion = Stack.of(alarm).region;
    const region = Stack.of(this).region;
    return Token.isUnresolved(alarmRegion) || Token.isUnresolved(region) || alarmRegion === region;
  }

  private route(alarm: cloudwatch.AlarmBase, mark: AlertMark): boolean {
    if (this.routed.has(alarm)) return false;
    this.routed.add(alarm);
    const topic = mark === 'PAGE' ? this.pageTopic : this.ticketTopic;
    // The construct may already publish to this topic (DrVault with the ticket topic as its notificationTopic):
    // CloudWatch must not get the same action twice. An SnsAction's ARN is the topic's topicArn token.
    const existing = (alarm as unknown as { alarmActionArns?: string[] }).alarmActionArns ?? [];
    if (!existing.includes(topic.topicArn)) alarm.addAlarmAction(new cw_actions.SnsAction(topic));
    if (mark === 'PAGE' && this.runbookBaseUrl !== undefined) this.linkRunbook(alarm, this.runbookBaseUrl);
    return true;
  }

  /** Appends the runbook link once the logical id is final (an override may still come after routing). */
  private linkRunbook(alarm: cloudwatch.AlarmBase, baseUrl: string): void {
    const resource = alarm.node.defaultChild as cloudwatch.CfnAlarm | cloudwatch.CfnCompositeAlarm;
    const original = resource.alarmDescription;
    const stack = Stack.of(resource);
    resource.alarmDescription = Lazy.string({
      produce: () => describeWithRunbook(original === undefined ? undefined : stack.resolve(original),
        runbookUrl(baseUrl, stack.stackName, stack.resolve(resource.logicalId))),
    });
  }

  private createKey(): kms.Key {
    const key = new kms.Key(this, 'Key', {
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
      description: 'Encrypts the on-call page and ticket topics and their dead-letter queue',
    });
    denyGrantsToNonAwsServices(key);
    return key;
  }

  /**
   * CloudWatch publishes alarm notifications to the encrypted topics, and SNS writes undeliverable messages to
   * the encrypted dead-letter queue: both use the key as AWS services, which only the key policy can allow
   * (Amazon SNS Developer Guide, "Key management": compatibility with AWS services; "Amazon SNS dead-letter queues").
   */
  private letServicesUseKey(given: boolean): void {
    const principals = [new iam.ServicePrincipal('cloudwatch.amazonaws.com'), new iam.ServicePrincipal('sns.amazonaws.com')];
    const added = principals.map((principal) => this.encryptionKey.addToResourcePolicy(new iam.PolicyStatement({
      principals: [principal], actions: KEY_USE_ACTIONS, resources: ['*'],
    })).statementAdded);
    if (given && added.includes(false)) {
      Annotations.of(this).addWarningV2('cdk-reliability:on-call-imported-key',
        'The key policy of the imported encryptionKey cannot be changed by this app: it must allow cloudwatch.amazonaws.com and '
        + 'sns.amazonaws.com kms:Decrypt and kms:GenerateDataKey*, or alarms cannot publish and undelivered messages are lost.');
    }
  }

  private createTopic(id: string, displayName: string): sns.Topic {
    const topic = new sns.Topic(this, id, { masterKey: this.encryptionKey, enforceSSL: true, displayName });
    // Alarms of this account only (confused-deputy guard on the service principal).
    topic.grantPublish(new iam.ServicePrincipal('cloudwatch.amazonaws.com', {
      conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
    }));
    return topic;
  }

  private subscribe(route: string, topic: sns.ITopic, destinations: readonly OnCallDestination[], prop: string): void {
    destinations.forEach((destination, i) => {
      if (!(destination instanceof OnCallDestination)) {
        throw propError(this.owner, `${prop}[${i}]`, 'be an OnCallDestination (OnCallDestination.pagingWebhook, email, slackChannel or teamsChannel)', destination);
      }
      destination._bind(this, topic, {
        owner: this.owner,
        prop: `${prop}[${i}]`,
        id: `${route}Destination${i}`,
        deadLetterQueue: this.deadLetterQueue,
        notifyChatChannel: (key, chatTopic, create) => {
          let topics = this.chatChannels.get(key);
          if (!topics) {
            const created: sns.ITopic[] = [];
            topics = created;
            this.chatChannels.set(key, created);
            create(this, `ChatChannel${this.chatChannels.size}`, () => created.map((t) => t.topicArn));
          }
          if (!topics.includes(chatTopic)) topics.push(chatTopic);
        },
      });
    });
  }

  /**
   * A message in the dead-letter queue is a page or ticket nobody received. SQS publishes its metrics every
   * 5 minutes; one visible message alarms. Both routes hear it, so any destination that still works does.
   */
  private createDeadLetterAlarm(): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, 'DeadLetterAlarm', {
      alarmDescription: 'A page or ticket could not be delivered to its destination after every retry: it waits in the on-call dead-letter queue. Check the paging webhook and the subscriptions.',
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: cloudwatch.Stats.MAXIMUM }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new cw_actions.SnsAction(this.pageTopic), new cw_actions.SnsAction(this.ticketTopic));
    this.routed.add(alarm);
    return alarm;
  }
}

function isAlarm(construct: unknown): construct is cloudwatch.AlarmBase {
  return construct instanceof cloudwatch.AlarmBase;
}
