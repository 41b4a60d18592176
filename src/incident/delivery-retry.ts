import { Duration, aws_sns as sns } from 'aws-cdk-lib';

/**
 * The HTTP/S delivery retry policy of a paging webhook, as pure arithmetic.
 *
 * Amazon SNS caps the total retry time of an HTTP/S delivery policy at 3,600 s (Amazon SNS Developer
 * Guide, "Amazon SNS message delivery retries"). SNS does not publish the delays of its backoff
 * phase, but each of them lies between minDelayTarget and maxDelayTarget, so the worst case below
 * (every backoff retry at the maximum delay) is an upper bound that SNS's own total never exceeds.
 */

/** SNS's hard limit on the total retry time of an HTTP/S delivery policy. */
export const MAX_TOTAL_RETRY_SECONDS = 3_600;

/** SNS's limit on the number of retries of an HTTP/S delivery policy. */
export const MAX_RETRIES = 100;

/** The retry counts and delays of a policy, in plain numbers. */
export interface RetrySchedule {
  readonly numRetries: number;
  readonly numNoDelayRetries: number;
  readonly numMinDelayRetries: number;
  readonly numMaxDelayRetries: number;
  readonly minDelaySeconds: number;
  readonly maxDelaySeconds: number;
}

/**
 * The default for pages: 3 immediate retries and 2 one second apart catch a blip of the paging
 * service; 8 exponential retries up to a minute and 10 more a minute apart ride out an outage of
 * about 18 minutes. Then the message goes to the dead-letter queue, whose alarm tells someone.
 */
export const DEFAULT_PAGE_RETRY: RetrySchedule = {
  numRetries: 23,
  numNoDelayRetries: 3,
  numMinDelayRetries: 2,
  numMaxDelayRetries: 10,
  minDelaySeconds: 1,
  maxDelaySeconds: 60,
};

/** Retries of the backoff phase: what is left of numRetries after the other phases. */
export function backoffRetries(schedule: RetrySchedule): number {
  return schedule.numRetries - schedule.numNoDelayRetries - schedule.numMinDelayRetries - schedule.numMaxDelayRetries;
}

/** Upper bound of the time SNS may spend retrying one message under this schedule, in seconds. */
export function worstCaseRetrySeconds(schedule: RetrySchedule): number {
  return schedule.numMinDelayRetries * schedule.minDelaySeconds
    + (schedule.numMaxDelayRetries + Math.max(0, backoffRetries(schedule))) * schedule.maxDelaySeconds;
}

/** What is wrong with a schedule, phrased to follow "must", or undefined when SNS accepts it. */
export function retryScheduleProblem(schedule: RetrySchedule): string | undefined {
  const counts = [schedule.numRetries, schedule.numNoDelayRetries, schedule.numMinDelayRetries, schedule.numMaxDelayRetries];
  if (counts.some((n) => !Number.isInteger(n) || n < 0)) return 'hold retry counts that are whole numbers, 0 or more';
  if (schedule.numRetries > MAX_RETRIES) return `have numRetries of at most ${MAX_RETRIES} (an SNS limit)`;
  if (backoffRetries(schedule) < 0) return 'have numRetries of at least numNoDelayRetries + numMinDelayRetries + numMaxDelayRetries';
  if (!Number.isInteger(schedule.minDelaySeconds) || schedule.minDelaySeconds < 1) return 'have a minDelay of at least 1 whole second';
  if (!Number.isInteger(schedule.maxDelaySeconds) || schedule.maxDelaySeconds < schedule.minDelaySeconds) {
    return 'have a maxDelay of whole seconds, at least minDelay';
  }
  const worst = worstCaseRetrySeconds(schedule);
  if (worst > MAX_TOTAL_RETRY_SECONDS) {
    return `retry for at most ${MAX_TOTAL_RETRY_SECONDS} s in total (an SNS limit), but can take up to ${worst} s`;
  }
  return undefined;
}

/** The aws-cdk-lib delivery policy of a schedule (exponential backoff between the two delays). */
export function toDeliveryPolicy(schedule: RetrySchedule): sns.DeliveryPolicy {
  return {
    healthyRetryPolicy: {
      numRetries: schedule.numRetries,
      numNoDelayRetries: schedule.numNoDelayRetries,
      numMinDelayRetries: schedule.numMinDelayRetries,
      numMaxDelayRetries: schedule.numMaxDelayRetries,
      minDelayTarget: Duration.seconds(schedule.minDelaySeconds),
      maxDelayTarget: Duration.seconds(schedule.maxDelaySeconds),
      backoffFunction: sns.BackoffFunction.EXPONENTIAL,
    },
    requestPolicy: { headerContentType: 'application/json' },
  };
}
