import { Duration, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { DescribedSlo, stillBurningAlarmDescription } from './alarm-descriptions';
import { compactWindow } from './alert-plan';
import { ServiceLevelObjective } from './service-level-objective';
import { STILL_BURNING_WINDOW_SECONDS, stillBurningThreshold } from './still-burning';

/**
 * The SLO's still-burning alarm (see still-burning.ts): the error ratio of the last 10 minutes above
 * 1x, one per SLO, shared by every page pair that needs it. No low-traffic guard: it only ever
 * confirms pairs whose own windows already hold the evidence.
 */
export function createStillBurningAlarm(scope: Construct, slo: ServiceLevelObjective, described: DescribedSlo,
  runbookUrl: string | undefined): cloudwatch.Alarm {
  return new cloudwatch.Alarm(scope, `StillBurning${compactWindow(STILL_BURNING_WINDOW_SECONDS)}`, {
    metric: slo._sli.errorRatio(Duration.seconds(STILL_BURNING_WINDOW_SECONDS)),
    threshold: stillBurningThreshold(slo.objectivePercent),
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    // One window as long as the hold: a burst every few minutes keeps one page up, and the first
    // 10 minutes with requests and without a failure clear it (see still-burning.ts).
    evaluationPeriods: 1,
    datapointsToAlarm: 1,
    // A low-traffic service has 10-minute windows without a request in the middle of an outage:
    // the last verdict stands until a request says otherwise, so the page does not flap.
    treatMissingData: cloudwatch.TreatMissingData.IGNORE,
    alarmDescription: stillBurningAlarmDescription(described, STILL_BURNING_WINDOW_SECONDS, runbookUrl),
  });
}
