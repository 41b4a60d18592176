import { Duration, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { compactWindow, PlannedAlert } from './alert-plan';
import { errorBudget } from './burn-rate-math';
import { ServiceLevelObjective } from './service-level-objective';
import { SloWindow } from './slo-window';

const PAGE_COLOR = '#d62728';
const TICKET_COLOR = '#ff7f0e';

/**
 * Dashboard widgets of one SLO:
 * - attainment and remaining error budget over the whole SLO window (one value each),
 * - the burn rate of each long window (error ratio over that window / budget), with the pair
 *   thresholds drawn as horizontal lines.
 *
 * Widgets show the unguarded ratio: the low-traffic guard decides alerting, not reporting.
 */
export function sloWidgets(slo: ServiceLevelObjective, window: SloWindow, alerts: readonly PlannedAlert[],
  serviceName: string): cloudwatch.IWidget[] {
  const budget = errorBudget(slo.objectivePercent);
  const title = `${serviceName} ${slo.name} (${slo.objectivePercent}% over ${window.days} days)`;

  // One ratio object shared by both values, so the dashboard holds one copy of its queries.
  const windowRatio = slo._sli.errorRatio(window.duration);
  const attainment = new cloudwatch.MathExpression({
    expression: '100 * (1 - ratio)',
    usingMetrics: { ratio: windowRatio },
    label: 'Attainment %',
    period: window.duration,
  });
  const remaining = new cloudwatch.MathExpression({
    expression: `100 * (1 - ratio / ${budget})`,
    usingMetrics: { ratio: windowRatio },
    label: 'Error budget left %',
    period: window.duration,
  });
  const summary = new cloudwatch.SingleValueWidget({
    title: `${title}: attainment and budget left`,
    metrics: [attainment, remaining],
    setPeriodToTimeRange: true,
    start: `-P${window.days}D`,
    width: 8,
    height: 6,
  });

  const longWindows = [...new Set(alerts.map((a) => a.longWindowSeconds))].sort((a, b) => a - b);
  const burnWidgets = longWindows.map((seconds) => new cloudwatch.GraphWidget({
    title: `${title}: burn rate over ${compactWindow(seconds)}`,
    left: [new cloudwatch.MathExpression({
      expression: `ratio / ${budget}`,
      usingMetrics: { ratio: slo._sli.errorRatio(Duration.seconds(seconds)) },
      label: `burn rate (${compactWindow(seconds)})`,
      period: Duration.seconds(seconds),
    })],
    leftYAxis: { min: 0, showUnits: false },
    leftAnnotations: alerts.filter((a) => a.longWindowSeconds === seconds).map((a) => ({
      value: a.burnRate,
      label: `${a.severity} at ${a.burnRate}x`,
      color: a.severity === 'PAGE' ? PAGE_COLOR : TICKET_COLOR,
    })),
    width: 8,
    height: 6,
  }));
  return [summary, ...burnWidgets];
}
