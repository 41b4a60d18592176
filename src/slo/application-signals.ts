import { Duration, aws_applicationsignals as applicationsignals, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { PlannedAlert } from './alert-plan';
import { ServiceLevelObjective } from './service-level-objective';
import { SloWindow } from './slo-window';

/**
 * Optional: the same SLO as an Application Signals `ServiceLevelObjective` (L1), request based,
 * for teams that read SLOs in the Application Signals console. The CloudWatch alarms stay the
 * source of pages and tickets; this resource only reports.
 */

/** Application Signals samples the SLI every minute. */
const SAMPLE_PERIOD = Duration.minutes(1);
/** Application Signals burn-rate look-back windows are at most 7 days. */
const MAX_LOOK_BACK_MINUTES = 10_080;

/** Adds the Application Signals SLO of `slo` under `scope`. */
export function emitApplicationSignalsSlo(scope: Construct, serviceName: string, slo: ServiceLevelObjective,
  window: SloWindow, alerts: readonly PlannedAlert[]): applicationsignals.CfnServiceLevelObjective {
  const lookBacks = [...new Set(alerts.flatMap((a) => [a.longWindowSeconds, a.shortWindowSeconds]))]
    .map((s) => s / 60)
    .filter((m) => Number.isInteger(m) && m >= 1 && m <= MAX_LOOK_BACK_MINUTES)
    .sort((a, b) => a - b);
  return new applicationsignals.CfnServiceLevelObjective(scope, 'ApplicationSignalsSlo', {
    name: applicationSignalsName(serviceName, slo.name),
    description: `${serviceName} ${slo.name}: ${slo.objectivePercent}% over ${window.days} days (managed by cdk-reliability SloAlarmSet)`,
    requestBasedSli: {
      requestBasedSliMetric: {
        totalRequestCountMetric: metricDataQueries('total', slo._sli.validEvents(SAMPLE_PERIOD)),
        monitoredRequestCountMetric: { badCountMetric: metricDataQueries('bad', slo._sli.badEvents(SAMPLE_PERIOD)) },
      },
    },
    goal: {
      attainmentGoal: slo.objectivePercent,
      interval: { rollingInterval: { duration: window.days, durationUnit: 'DAY' } },
    },
    burnRateConfigurations: lookBacks.map((lookBackWindowMinutes) => ({ lookBackWindowMinutes })),
  });
}

/** Application Signals SLO names: `[0-9A-Za-z][-._0-9A-Za-z ]*`, at most 128 characters. */
export function applicationSignalsName(serviceName: string, sloName: string): string {
  const cleaned = `${serviceName} ${sloName}`.replace(/[^-._0-9A-Za-z ]/g, '-').replace(/^[^0-9A-Za-z]+/, '');
  return (cleaned || 'slo').slice(0, 128);
}

/** A metric graph as Application Signals queries: the root returns data, nested queries do not. */
export function metricDataQueries(rootId: string, metric: cloudwatch.IMetric): applicationsignals.CfnServiceLevelObjective.MetricDataQueryProperty[] {
  const queries: applicationsignals.CfnServiceLevelObjective.MetricDataQueryProperty[] = [];
  const visit = (id: string, m: cloudwatch.IMetric, returnData: boolean) => {
    const config = m.toMetricConfig();
    if (config.mathExpression) {
      queries.push({ id, expression: config.mathExpression.expression, returnData });
      for (const [childId, child] of Object.entries(config.mathExpression.usingMetrics)) visit(childId, child, false);
      return;
    }
    const stat = config.metricStat!;
    queries.push({
      id,
      returnData,
      metricStat: {
        metric: {
          namespace: stat.namespace,
          metricName: stat.metricName,
          dimensions: (stat.dimensions ?? []).map((d) => ({ name: d.name, value: String(d.value) })),
        },
        period: stat.period.toSeconds(),
        stat: stat.statistic,
      },
    });
  };
  visit(rootId, metric, true);
  return queries;
}
