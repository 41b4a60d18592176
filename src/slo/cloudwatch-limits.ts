/**
 * CloudWatch limits the alarms must respect, checked at synth so CloudFormation never rejects a
 * deploy. Plain numbers in, plain answers out.
 */

/** Metrics one metric-math alarm may reference. */
export const MAX_METRICS_PER_MATH_ALARM = 10;
/** Actions per alarm state (ALARM, OK, INSUFFICIENT_DATA). */
export const MAX_ACTIONS_PER_STATE = 5;
/** Characters in a composite alarm's rule. */
export const MAX_COMPOSITE_RULE_CHARS = 10_240;
/** Child alarms one composite alarm may reference. */
export const MAX_COMPOSITE_CHILDREN = 100;
/** Characters in an alarm description. */
export const MAX_ALARM_DESCRIPTION_CHARS = 1_024;
/** Period × evaluation periods when the period is shorter than an hour. */
export const MAX_EVALUATION_RANGE_SHORT_PERIOD_SECONDS = 86_400;
/** Period × evaluation periods when the period is an hour or longer. */
export const MAX_EVALUATION_RANGE_SECONDS = 604_800;

/** An alarm period must be 10, 20 or 30 seconds or a whole number of minutes. */
export function isValidAlarmPeriod(periodSeconds: number): boolean {
  if (!Number.isInteger(periodSeconds) || periodSeconds <= 0) return false;
  return periodSeconds === 10 || periodSeconds === 20 || periodSeconds === 30 || periodSeconds % 60 === 0;
}

/** Periods under a minute make a high-resolution alarm (priced three times a standard one). */
export function isHighResolutionPeriod(periodSeconds: number): boolean {
  return periodSeconds < 60;
}

/** The longest period × evaluation periods CloudWatch accepts for this period. */
export function maxEvaluationRangeSeconds(periodSeconds: number): number {
  return periodSeconds < 3_600 ? MAX_EVALUATION_RANGE_SHORT_PERIOD_SECONDS : MAX_EVALUATION_RANGE_SECONDS;
}

/**
 * Why CloudWatch would reject an alarm with this period and number of evaluation periods, phrased
 * to follow "must", or undefined when it is accepted.
 */
export function alarmWindowProblem(periodSeconds: number, evaluationPeriods: number): string | undefined {
  if (!isValidAlarmPeriod(periodSeconds)) {
    return 'be 10, 20 or 30 seconds or a whole number of minutes (a CloudWatch alarm period)';
  }
  const range = periodSeconds * evaluationPeriods;
  const max = maxEvaluationRangeSeconds(periodSeconds);
  if (range > max) {
    return periodSeconds < 3_600
      ? `keep period × evaluation periods at or under ${max} seconds (1 day) for periods under an hour`
      : `keep period × evaluation periods at or under ${max} seconds (7 days)`;
  }
  return undefined;
}

/**
 * Length of a composite rule as aws-cdk-lib renders it: `ALARM("arn")` for one child,
 * `(ALARM("a") OR ALARM("b"))` for several.
 */
export function compositeRuleLength(childArnLengths: readonly number[], operator: 'AND' | 'OR'): number {
  const terms = childArnLengths.map((arn) => 'ALARM("")'.length + arn);
  const joined = terms.reduce((sum, t) => sum + t, 0) + Math.max(0, terms.length - 1) * ` ${operator} `.length;
  return terms.length > 1 ? joined + 2 : joined;
}

/**
 * Length of `AlarmRule.anyOf(AlarmRule.allOf(...), ...)` rendered: each group `(ALARM("arn") AND ...)`,
 * the groups joined with ` OR ` inside parentheses (aws-cdk-lib wraps every AND / OR in parentheses,
 * even around one operand). `groups` holds the ARN lengths of each group's alarms.
 */
export function anyOfAllOfRuleLength(groups: ReadonlyArray<readonly number[]>): number {
  const group = (arns: readonly number[]) => 2 + arns.reduce((sum, arn) => sum + 'ALARM("")'.length + arn, 0) + Math.max(0, arns.length - 1) * ' AND '.length;
  return 2 + groups.reduce((sum, g) => sum + group(g), 0) + Math.max(0, groups.length - 1) * ' OR '.length;
}

/** Upper bounds used when the partition, Region or account is a token at synth. */
export const ARN_PART_UPPER_BOUNDS = { partition: 10, region: 20, account: 12 } as const;

/**
 * Length of `arn:<partition>:cloudwatch:<region>:<account>:alarm:<name>`; pass the known lengths
 * or the upper bounds above for parts that are tokens.
 */
export function alarmArnLength(partition: number, region: number, account: number, alarmName: number): number {
  return 'arn::cloudwatch:::alarm:'.length + partition + region + account + alarmName;
}

/**
 * The longest name CloudFormation can give an alarm without an explicit name:
 * `<stack name>-<logical id>-<13-character suffix>`, cut at 255 characters.
 */
export function generatedAlarmNameLength(stackNameLength: number, logicalIdLength: number): number {
  return Math.min(255, stackNameLength + 1 + logicalIdLength + 1 + 13);
}
