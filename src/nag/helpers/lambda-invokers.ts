import { CfnRule } from 'aws-cdk-lib/aws-events';
import { CfnEventInvokeConfig, CfnPermission } from 'aws-cdk-lib/aws-lambda';
import { CfnSubscription } from 'aws-cdk-lib/aws-sns';
import { field, refsIn, resolve } from '../resolve';
import { StackIndex } from '../stack-index';

/**
 * Service principals that invoke Lambda asynchronously (the event is queued by Lambda, retried
 * twice, then dropped unless a failure destination or DLQ catches it).
 */
export const ASYNC_INVOKER_PRINCIPALS: readonly string[] = [
  's3.amazonaws.com',
  'sns.amazonaws.com',
  'events.amazonaws.com',
  'ses.amazonaws.com',
  'iot.amazonaws.com',
  'logs.amazonaws.com',
  'codecommit.amazonaws.com',
  'config.amazonaws.com',
];

/**
 * Logical ids of the Lambda functions of the stack that are invoked asynchronously, as far as the
 * stack shows: an EventInvokeConfig for the function, a Permission for an asynchronous service
 * principal, an SNS subscription with protocol `lambda`, or an EventBridge rule target.
 * Aliases and versions count for their function.
 */
export function asyncInvokedFunctions(index: StackIndex): Set<string> {
  return index.memo('async-invoked-functions', () => {
    const functions = new Set<string>();
    const add = (value: unknown) => {
      for (const id of refsIn(value)) functions.add(functionBehind(index, id));
    };
    for (const config of index.resources('AWS::Lambda::EventInvokeConfig') as CfnEventInvokeConfig[]) {
      add(resolve(config, config.functionName));
    }
    for (const permission of index.resources('AWS::Lambda::Permission') as CfnPermission[]) {
      const principal = resolve(permission, permission.principal);
      if (typeof principal === 'string' && ASYNC_INVOKER_PRINCIPALS.includes(principal)) add(resolve(permission, permission.functionName));
    }
    for (const subscription of index.resources('AWS::SNS::Subscription') as CfnSubscription[]) {
      if (resolve(subscription, subscription.protocol) === 'lambda') add(resolve(subscription, subscription.endpoint));
    }
    for (const rule of index.resources('AWS::Events::Rule') as CfnRule[]) {
      const targets = resolve(rule, rule.targets);
      if (Array.isArray(targets)) for (const target of targets) add(field(target, 'arn'));
    }
    return functions;
  });
}

/** The EventInvokeConfigs of the stack that configure the function with this logical id. */
export function invokeConfigsOf(index: StackIndex, functionId: string): CfnEventInvokeConfig[] {
  return (index.resources('AWS::Lambda::EventInvokeConfig') as CfnEventInvokeConfig[])
    .filter((config) => [...refsIn(resolve(config, config.functionName))].some((id) => functionBehind(index, id) === functionId));
}

/** An alias or a version stands for its function; anything else for itself. */
function functionBehind(index: StackIndex, logicalId: string): string {
  const resource = index.resource(logicalId, 'AWS::Lambda::Alias') ?? index.resource(logicalId, 'AWS::Lambda::Version');
  if (resource) {
    const [target] = refsIn(resolve(resource, (resource as unknown as { functionName: unknown }).functionName));
    if (target !== undefined) return target;
  }
  return logicalId;
}
