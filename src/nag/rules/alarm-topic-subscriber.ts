import { CfnResource, Stack, aws_chatbot as chatbot, aws_cloudwatch as cloudwatch, aws_sns as sns } from 'aws-cdk-lib';
import { NagMessageLevel } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { referencedPerElement } from '../helpers/referenced-resources';
import { bool } from '../resolve';
import { ReliabilityRule, Unresolved, Verdict } from '../rule';

/**
 * Every SNS topic of the app an alarm action publishes to has a subscriber in the app: an
 * AWS::SNS::Subscription, an inline subscription of the topic, or an Amazon Q Developer (AWS Chatbot)
 * channel configuration that lists it (the service subscribes itself). A topic created outside the app
 * (an ARN string) is out of reach and not judged. Without a subscriber the alarm pages into the void.
 */
export const AlarmTopicSubscriber: ReliabilityRule = {
  name: 'AlarmTopicSubscriber',
  level: NagMessageLevel.WARN,
  resourceTypes: ['AWS::CloudWatch::Alarm', 'AWS::CloudWatch::CompositeAlarm'],
  bestPractice: 'REL06-BP03',
  info: 'An alarm action publishes to an SNS topic of this app that nothing in the app subscribes to: the notification reaches nobody.',
  explanation: 'A page into a topic without a subscriber is a page into the void: the alarm fires, and no person, queue or chat channel hears it.',
  fix: 'Route the alarm with `OnCallRouting` (`routeAlarms(scope)`), or subscribe the topic: `topic.addSubscription(...)`, or list it in a chat channel configuration.',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node, index) => {
    const alarm = node as cloudwatch.CfnAlarm | cloudwatch.CfnCompositeAlarm;
    if (bool(node, alarm.actionsEnabled, 'ActionsEnabled') === false) return Verdict.NOT_APPLICABLE;
    const topics = referencedPerElement(node, alarm.alarmActions ?? [])
      .flatMap((targets) => targets.filter((t): t is sns.CfnTopic => t instanceof sns.CfnTopic));
    if (topics.length === 0) return Verdict.NOT_APPLICABLE;
    const subscribed = index.memo('subscribed-topics', () => subscribedTopics(Stack.of(node).node.root));
    return topics.every((topic) => subscribed.has(topic)) ? Verdict.COMPLIANT : Verdict.NON_COMPLIANT;
  },
};

/** The CfnTopics of the app that have at least one subscriber. */
function subscribedTopics(root: IConstruct): Set<IConstruct> {
  const topics = new Set<IConstruct>();
  const add = (scope: IConstruct, value: unknown) => {
    for (const targets of referencedPerElement(scope, value)) targets.forEach((t) => topics.add(t));
  };
  for (const node of root.node.findAll()) {
    if (!CfnResource.isCfnResource(node)) continue;
    if (node instanceof sns.CfnSubscription) {
      add(node, node.topicArn);
    } else if (node instanceof sns.CfnTopic && hasInlineSubscription(node)) {
      topics.add(node);
    } else if (node instanceof chatbot.CfnSlackChannelConfiguration || node instanceof chatbot.CfnMicrosoftTeamsChannelConfiguration) {
      add(node, node.snsTopicArns ?? []);
    }
  }
  return topics;
}

function hasInlineSubscription(topic: sns.CfnTopic): boolean {
  const value = Stack.of(topic).resolve(topic.subscription);
  return Array.isArray(value) ? value.length > 0 : value !== undefined;
}
