import { Names, Stack, Token, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { Construct } from 'constructs';
import { alarmArnLength, ARN_PART_UPPER_BOUNDS, anyOfAllOfRuleLength, generatedAlarmNameLength } from './cloudwatch-limits';

/**
 * The length of a rule `(ALARM(a) AND ALARM(b)) OR (...)` over alarms of this stack, as
 * CloudFormation will see it (aws-cdk-lib's `AlarmRule.anyOf(AlarmRule.allOf(...), ...)`).
 *
 * aws-cdk-lib names composite alarms itself (`Names.uniqueId`, cut to 240 characters), so their
 * names are known at synth; a metric alarm gets its name from CloudFormation and counts at the
 * longest such name; a partition, Region or account that is still a token counts at its longest
 * possible length. The result is an upper bound.
 */
export function estimateRuleLength(scope: Construct, groups: ReadonlyArray<ReadonlyArray<cloudwatch.Alarm | cloudwatch.CompositeAlarm>>): number {
  const stack = Stack.of(scope);
  const known = (value: string, bound: number) => (Token.isUnresolved(value) ? bound : value.length);
  const region = known(stack.region, ARN_PART_UPPER_BOUNDS.region);
  // The partition is a token even in a stack with an environment; a known Region implies it.
  const partitionOfRegion = Token.isUnresolved(stack.region) ? undefined : RegionInfo.get(stack.region).partition;
  const partition = partitionOfRegion ? partitionOfRegion.length : known(stack.partition, ARN_PART_UPPER_BOUNDS.partition);
  const account = known(stack.account, ARN_PART_UPPER_BOUNDS.account);
  const nameLength = (alarm: cloudwatch.Alarm | cloudwatch.CompositeAlarm) => (alarm instanceof cloudwatch.CompositeAlarm
    ? Math.min(240, Names.uniqueId(alarm).length)
    : generatedAlarmNameLength(stack.stackName.length, stack.resolve(stack.getLogicalId(alarm.node.defaultChild as cloudwatch.CfnAlarm)).length));
  return anyOfAllOfRuleLength(groups.map((g) => g.map((child) => alarmArnLength(partition, region, account, nameLength(child)))));
}
