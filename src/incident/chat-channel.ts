import { Lazy, Names, Stack, Token, aws_chatbot as chatbot, aws_iam as iam } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { propError } from '../common/errors';

/**
 * Chat channel configurations of Amazon Q Developer in chat applications (AWS Chatbot). The
 * configuration lists the SNS topics it receives; the service subscribes itself to them over HTTPS
 * (AWS Chatbot API Reference, SlackChannelConfiguration `SnsTopicArns`), so the template holds no
 * AWS::SNS::Subscription for a chat channel.
 */

const GUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;
/** The channel id pattern of AWS::Chatbot::MicrosoftTeamsChannelConfiguration. */
const TEAMS_CHANNEL = /^([a-zA-Z0-9-_=+/.,])*%3[aA]([a-zA-Z0-9-_=+/.,])*%40([a-zA-Z0-9-_=+/.,])*$/;
/**
 * What a notification-only channel may do when a member runs a command in it: read CloudWatch, nothing
 * else. Without guardrails the service applies AdministratorAccess as the channel's guardrail.
 */
const GUARDRAIL_POLICY = 'CloudWatchReadOnlyAccess';

/** Checks the ids of a Slack or Teams channel and returns them in a fixed order (the channel's identity). */
export function validateChatChannel(owner: string, prop: string, app: 'slack' | 'teams', options: unknown): string[] {
  if (typeof options !== 'object' || options === null) throw propError(owner, prop, 'be given the channel ids', options);
  const field = (name: string, pattern: RegExp, what: string): string => {
    const value = (options as Record<string, unknown>)[name];
    if (typeof value !== 'string' || (!Token.isUnresolved(value) && !pattern.test(value))) {
      throw propError(owner, `${prop}.${name}`, `be ${what}`, value);
    }
    return value;
  };
  if (app === 'slack') {
    return [
      field('slackWorkspaceId', /^[0-9A-Z]{1,255}$/, 'a Slack workspace id (upper-case letters and digits, e.g. T0123ABCD)'),
      field('slackChannelId', /^[A-Za-z0-9]{1,255}$/, 'a Slack channel id (letters and digits, e.g. C0123ABCD)'),
    ];
  }
  return [
    field('teamId', GUID, 'a Microsoft Teams team id (a GUID)'),
    field('teamsChannelId', TEAMS_CHANNEL, 'a URL-encoded Teams channel id such as 19%3a...%40thread.tacv2'),
    field('tenantId', GUID, 'a Microsoft Entra tenant id (a GUID)'),
  ];
}

/**
 * One channel configuration with a role of its own that holds no permission: the channel only receives
 * notifications. `topics` is read at synth, after every route has added its topic.
 */
export function createChatChannel(scope: Construct, id: string, app: 'slack' | 'teams', ids: string[], topics: () => string[]): void {
  const channel = new Construct(scope, id);
  const role = new iam.Role(channel, 'Role', {
    assumedBy: new iam.ServicePrincipal('chatbot.amazonaws.com'),
    description: 'Amazon Q Developer in chat applications: notifications only, no permissions',
  });
  const common = {
    configurationName: Names.uniqueResourceName(channel, { maxLength: 128, separator: '-' }).replace(/[^A-Za-z0-9-_]/g, ''),
    iamRoleArn: role.roleArn,
    guardrailPolicies: [Stack.of(scope).formatArn({ service: 'iam', region: '', account: 'aws', resource: 'policy', resourceName: GUARDRAIL_POLICY })],
    snsTopicArns: Lazy.list({ produce: topics }),
    loggingLevel: 'ERROR',
  };
  if (app === 'slack') {
    new chatbot.CfnSlackChannelConfiguration(channel, 'Resource', { ...common, slackWorkspaceId: ids[0], slackChannelId: ids[1] });
  } else {
    new chatbot.CfnMicrosoftTeamsChannelConfiguration(channel, 'Resource', { ...common, teamId: ids[0], teamsChannelId: ids[1], teamsTenantId: ids[2] });
  }
}
