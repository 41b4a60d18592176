import { Duration, Fn, Stack, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { importedAlb, logicalIdOf, plainAvailability, testStack } from './helpers';
import { ServiceLevelObjective, SloAlarmSet, SloWindow } from '../../src/slo';
import { SLO_METADATA_KEY } from '../../src/slo/slo-metadata';

function metadataOf(stack: Stack): any {
  return Template.fromStack(stack).toJSON().Metadata[SLO_METADATA_KEY];
}

describe('SLO metadata in the template', () => {
  test('records every SLO with its windows, thresholds and alarm logical ids', () => {
    const stack = testStack();
    const set = new SloAlarmSet(stack, 'Checkout', { serviceName: 'checkout', slos: [plainAvailability()], window: SloWindow.ROLLING_28_DAYS, minimumValidEvents: 10 });
    const metadata = metadataOf(stack);
    expect(metadata.formatVersion).toBe(1);
    expect(metadata.alarmSets).toHaveLength(1);
    const entry = metadata.alarmSets[0];
    expect(entry).toMatchObject({
      serviceName: 'checkout',
      constructPath: 'Test/Checkout',
      pageAlarmLogicalId: logicalIdOf(set.pageAlarm),
      ticketAlarmLogicalId: logicalIdOf(set.ticketAlarm),
      minimumValidEvents: 10,
      minimumBadEvents: 3,
      monthlyCostUsd: 2.8,
    });
    const slo = entry.slos[0];
    expect(slo).toMatchObject({
      name: 'Availability',
      kind: 'AVAILABILITY',
      objectivePercent: 99.9,
      errorBudget: 0.001,
      monthlyCostUsd: 1.8,
      window: { name: 'ROLLING_28_DAYS', days: 28, seconds: 2_419_200 },
    });
    const [stillBurning, long, short, long6h, short6h] = set.alarmsFor('Availability');
    expect(slo.alerts[0]).toEqual({
      severity: 'PAGE',
      burnRate: 13.44,
      threshold: 0.01344,
      longWindowSeconds: 3_600,
      shortWindowSeconds: 300,
      budgetSpentPercent: 2,
      longAlarmLogicalId: logicalIdOf(long),
      shortAlarmLogicalId: logicalIdOf(short),
    });
    expect(slo.alerts[1]).toMatchObject({
      longAlarmLogicalId: logicalIdOf(long6h),
      shortAlarmLogicalId: logicalIdOf(short6h),
      stillBurningAlarmLogicalId: logicalIdOf(stillBurning),
    });
    // The pairs live in the page and ticket rules: no pair composite to point at.
    expect(slo.alerts.some((a: any) => 'pairAlarmLogicalId' in a)).toBe(false);
    expect(slo.alerts.map((a: any) => a.threshold)).toEqual([0.01344, 0.0056, 0.0028, 0.000933333333333]);
    expect(slo.sli.queries).toEqual([
      { id: 'errorRatio', expression: 'IF(valid >= 10, FILL(bad, 0) / valid, 0)' },
      { id: 'bad', namespace: 'Shop', metricName: 'Errors', dimensions: { Service: 'checkout' }, statistic: 'Sum' },
      { id: 'valid', namespace: 'Shop', metricName: 'Requests', dimensions: { Service: 'checkout' }, statistic: 'Sum' },
    ]);
    expect(slo.sli.sliAlarmLogicalId).toBe(logicalIdOf(long));
  });

  test('two sets in one stack are both recorded', () => {
    const stack = testStack();
    new SloAlarmSet(stack, 'A', { serviceName: 'a', slos: [plainAvailability()] });
    new SloAlarmSet(stack, 'B', { serviceName: 'b', slos: [plainAvailability()] });
    expect(metadataOf(stack).alarmSets.map((s: any) => s.serviceName)).toEqual(['a', 'b']);
  });

  test('a latency SLO records its threshold and PR statistic', () => {
    const stack = testStack();
    new SloAlarmSet(stack, 'C', {
      serviceName: 'c',
      slos: [ServiceLevelObjective.albLatency({ objectivePercent: 99, loadBalancer: importedAlb(stack), threshold: Duration.millis(300) })],
    });
    const slo = metadataOf(stack).alarmSets[0].slos[0];
    expect(slo.kind).toBe('LATENCY');
    expect(slo.latencyThresholdMilliseconds).toBe(300);
    expect(slo.sli.queries[1]).toEqual({
      id: 'fast',
      namespace: 'AWS/ApplicationELB',
      metricName: 'TargetResponseTime',
      dimensions: { LoadBalancer: 'app/checkout/0123456789abcdef' },
      statistic: 'PR(:0.3)',
    });
  });

  test('dimension values unknown until deploy are written as null', () => {
    const stack = testStack();
    const tokenDim = { Service: Fn.importValue('ServiceName') };
    new SloAlarmSet(stack, 'D', {
      serviceName: 'd',
      slos: [ServiceLevelObjective.availability({
        name: 'A',
        objectivePercent: 99,
        badEvents: new cloudwatch.Metric({ namespace: 'N', metricName: 'E', dimensionsMap: tokenDim }),
        validEvents: new cloudwatch.Metric({ namespace: 'N', metricName: 'R', dimensionsMap: tokenDim }),
      })],
    });
    expect(metadataOf(stack).alarmSets[0].slos[0].sli.queries[1].dimensions).toEqual({ Service: null });
  });
});
