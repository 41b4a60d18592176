import { Duration, Token, aws_sns as sns, aws_sqs as sqs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { createChatChannel, validateChatChannel } from './chat-channel';
import { DEFAULT_PAGE_RETRY, RetrySchedule, retryScheduleProblem, toDeliveryPolicy } from './delivery-retry';
import { WebhookUrl } from './webhook-url';
import { propError } from '../common/errors';

/** How SNS retries a paging webhook that does not answer 2XX; every field falls back to the default's. */
export interface DeliveryRetry {
  /**
   * Total retries (immediate, pre-backoff, backoff and post-backoff); at most 100.
   *
   * @default 23
   */
  readonly numRetries?: number;
  /**
   * Retries without delay.
   *
   * @default 3
   */
  readonly numNoDelayRetries?: number;
  /**
   * Retries `minDelay` apart before the backoff.
   *
   * @default 2
   */
  readonly numMinDelayRetries?: number;
  /**
   * Retries `maxDelay` apart after the backoff.
   *
   * @default 10
   */
  readonly numMaxDelayRetries?: number;
  /**
   * The shortest delay (whole seconds, at least 1 s).
   *
   * @default Duration.seconds(1)
   */
  readonly minDelay?: Duration;
  /**
   * The longest delay (whole seconds). The worst-case total of the policy must stay within SNS's 3,600 s.
   *
   * @default Duration.seconds(60)
   */
  readonly maxDelay?: Duration;
}

/** A paging service's HTTPS webhook (PagerDuty, Opsgenie, or any endpoint that accepts SNS notifications). */
export interface PagingWebhookOptions {
  /** Where the URL is kept; it never appears in the template. */
  readonly url: WebhookUrl;
  /**
   * How SNS retries the webhook before the message goes to the dead-letter queue.
   *
   * @default - 3 immediate retries, 2 one second apart, 8 exponential up to 60 s, 10 at 60 s: at most about 18 minutes
   */
  readonly retry?: DeliveryRetry;
}

/** A Slack channel of Amazon Q Developer in chat applications (formerly AWS Chatbot). */
export interface SlackChannelOptions {
  /** The Slack workspace (team) id authorized in the Amazon Q Developer console, e.g. `T0123ABCD`. */
  readonly slackWorkspaceId: string;
  /** The Slack channel id, e.g. `C0123ABCD` (the end of the channel's link). */
  readonly slackChannelId: string;
}

/** A Microsoft Teams channel of Amazon Q Developer in chat applications (formerly AWS Chatbot). */
export interface TeamsChannelOptions {
  /** The team id (a GUID) authorized in the Amazon Q Developer console. */
  readonly teamId: string;
  /** The channel id, URL-encoded as in the channel's link, e.g. `19%3a...%40thread.tacv2`. */
  readonly teamsChannelId: string;
  /** The Microsoft Entra tenant id (a GUID). */
  readonly tenantId: string;
}

/** @internal What a destination needs from the routing it joins. */
export interface DestinationContext {
  /** e.g. `[App/OnCall] OnCallRouting 'OnCall'` */
  readonly owner: string;
  /** Where the destination sits in the props, e.g. `pageDestinations[0]`. */
  readonly prop: string;
  /** A construct id unique within the routing for this destination. */
  readonly id: string;
  readonly deadLetterQueue: sqs.IQueue;
  /**
   * Sends the topic's notifications to the routing's chat channel configuration with this key, creating it
   * on first use: one configuration per channel, listing the page and the ticket topic when both go there.
   */
  readonly notifyChatChannel: (key: string, topic: sns.ITopic, create: (scope: Construct, id: string, topics: () => string[]) => void) => void;
}

/**
 * Where a route delivers: a paging webhook, an email address, or a chat channel. Build one with the
 * static factories and give it to `OnCallRouting`'s `pageDestinations` or `ticketDestinations`.
 */
export abstract class OnCallDestination {
  /** An HTTPS paging webhook, with a delivery retry policy and the routing's dead-letter queue. */
  public static pagingWebhook(options: PagingWebhookOptions): OnCallDestination {
    return new PagingWebhookDestination(options);
  }

  /** An email address (the owner confirms the subscription from the first message). */
  public static email(address: string): OnCallDestination {
    return new EmailDestination(address);
  }

  /** A Slack channel through Amazon Q Developer in chat applications. */
  public static slackChannel(options: SlackChannelOptions): OnCallDestination {
    return new ChatDestination('slack', options);
  }

  /** A Microsoft Teams channel through Amazon Q Developer in chat applications. */
  public static teamsChannel(options: TeamsChannelOptions): OnCallDestination {
    return new ChatDestination('teams', options);
  }

  /** What the destination is, for reports, e.g. `email`, `paging webhook`, `Slack channel`. */
  public abstract readonly kind: string;

  /** @internal Validates the destination and subscribes it to the topic. */
  public abstract _bind(scope: Construct, topic: sns.ITopic, context: DestinationContext): void;
}

class PagingWebhookDestination extends OnCallDestination {
  public readonly kind = 'paging webhook';
  constructor(private readonly options: PagingWebhookOptions) { super(); }

  public _bind(scope: Construct, topic: sns.ITopic, context: DestinationContext): void {
    const options = this.options;
    if (typeof options !== 'object' || options === null || !(options.url instanceof WebhookUrl)) {
      throw propError(context.owner, `${context.prop}.url`, 'be a WebhookUrl (WebhookUrl.fromSecretsManager or fromSsmParameter)', options?.url);
    }
    options.url._validate(context.owner, `${context.prop}.url`);
    const schedule = retrySchedule(context.owner, `${context.prop}.retry`, options.retry);
    new sns.Subscription(scope, context.id, {
      topic,
      protocol: sns.SubscriptionProtocol.HTTPS,
      endpoint: options.url.endpoint,
      deliveryPolicy: toDeliveryPolicy(schedule),
      deadLetterQueue: context.deadLetterQueue,
    });
  }
}

class EmailDestination extends OnCallDestination {
  public readonly kind = 'email';
  constructor(private readonly address: string) { super(); }

  public _bind(scope: Construct, topic: sns.ITopic, context: DestinationContext): void {
    if (typeof this.address !== 'string' || (!Token.isUnresolved(this.address) && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(this.address))) {
      throw propError(context.owner, `${context.prop}.address`, 'be an email address such as oncall@example.com', this.address);
    }
    new sns.Subscription(scope, context.id, {
      topic,
      protocol: sns.SubscriptionProtocol.EMAIL,
      endpoint: this.address,
      deadLetterQueue: context.deadLetterQueue,
    });
  }
}

class ChatDestination extends OnCallDestination {
  public readonly kind: string;
  constructor(private readonly app: 'slack' | 'teams', private readonly options: SlackChannelOptions | TeamsChannelOptions) {
    super();
    this.kind = app === 'slack' ? 'Slack channel' : 'Microsoft Teams channel';
  }

  public _bind(_scope: Construct, topic: sns.ITopic, context: DestinationContext): void {
    const ids = validateChatChannel(context.owner, context.prop, this.app, this.options);
    context.notifyChatChannel(`${this.app}:${ids.join(':')}`, topic,
      (scope, id, topics) => createChatChannel(scope, id, this.app, ids, topics));
  }
}

/** Reads a retry policy in plain numbers, with the defaults filled in, and checks it against SNS's limits. */
function retrySchedule(owner: string, prop: string, retry: DeliveryRetry | undefined): RetrySchedule {
  const seconds = (value: Duration | undefined, field: string, fallback: number): number => {
    if (value === undefined) return fallback;
    if (!(value instanceof Duration)) throw propError(owner, `${prop}.${field}`, 'be a Duration', value);
    return value.toSeconds({ integral: false });
  };
  const schedule: RetrySchedule = {
    numRetries: retry?.numRetries ?? DEFAULT_PAGE_RETRY.numRetries,
    numNoDelayRetries: retry?.numNoDelayRetries ?? DEFAULT_PAGE_RETRY.numNoDelayRetries,
    numMinDelayRetries: retry?.numMinDelayRetries ?? DEFAULT_PAGE_RETRY.numMinDelayRetries,
    numMaxDelayRetries: retry?.numMaxDelayRetries ?? DEFAULT_PAGE_RETRY.numMaxDelayRetries,
    minDelaySeconds: seconds(retry?.minDelay, 'minDelay', DEFAULT_PAGE_RETRY.minDelaySeconds),
    maxDelaySeconds: seconds(retry?.maxDelay, 'maxDelay', DEFAULT_PAGE_RETRY.maxDelaySeconds),
  };
  const problem = retryScheduleProblem(schedule);
  if (problem) throw propError(owner, prop, problem, JSON.stringify(schedule));
  return schedule;
}
