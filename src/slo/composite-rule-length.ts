import { Names, Stack, Token, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { Construct } from 'constructs';
import { alarmArnLength, ARN_PART_UPPER_BOUNDS, compositeRuleLength } from './cloudwatch-limits';

/**
 * The length of an OR rule over composite children, as CloudFormation will see it.
 *
 * aws-cdk-lib names composite alarms itself (`Names.uniqueId`, cut to 240 characters), so their
 * names are known at synth; a partition, Region or account that is still a token counts at its
 * longest possible length, making this an upper bound.
 */
export function estimateRuleLength(scope: Construct, children: readonly cloudwatch.CompositeAlarm[]): number {
  const stack = Stack.of(scope);
  const known = (value: string, bound: number) => (Token.isUnresolved(value) ? bound : value.length);
  const region = known(stack.region, ARN_PART_UPPER_BOUNDS.region);
  // The partition is a token even in a stack with an environment; a known Region implies it.
  const partitionOfRegion = Token.isUnresolved(stack.region) ? undefined : RegionInfo.get(stack.region).partition;
  const partition = partitionOfRegion ? partitionOfRegion.length : known(stack.partition, ARN_PART_UPPER_BOUNDS.partition);
  const account = known(stack.account, ARN_PART_UPPER_BOUNDS.account);
  const lengths = children.map((child) => alarmArnLength(partition, region, account, compositeAlarmNameLength(child)));
  return compositeRuleLength(lengths, 'OR');
}

/** aws-cdk-lib's generated composite alarm name: `Names.uniqueId`, cut to 240 characters. */
function compositeAlarmNameLength(alarm: cloudwatch.CompositeAlarm): number {
  return Math.min(240, Names.uniqueId(alarm).length);
}
