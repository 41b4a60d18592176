import { CloudWatchClient, DescribeAlarmsCommand, MetricAlarm } from '@aws-sdk/client-cloudwatch';

/**
 * The deployed copy of a template's alarm, found by name: the template's AlarmName when it is
 * literal, else CloudFormation's generated `<stack name>-<logical id>-<suffix>`. Its metrics carry
 * the dimension values that were tokens at synth (a load balancer's full name, ...).
 */
export async function findDeployedAlarm(
  client: CloudWatchClient, stackName: string, logicalId: string, alarmName: string | undefined,
): Promise<MetricAlarm | undefined> {
  const response = await client.send(new DescribeAlarmsCommand(alarmName
    ? { AlarmNames: [alarmName], AlarmTypes: ['MetricAlarm'] }
    : { AlarmNamePrefix: `${stackName}-${logicalId}-`, AlarmTypes: ['MetricAlarm'] }));
  const alarms = response.MetricAlarms ?? [];
  return alarms.length === 1 ? alarms[0] : undefined;
}

/** Dimensions per query id of a deployed alarm (`m1` for a single-metric alarm, as in the alarm model). */
export function deployedDimensions(alarm: MetricAlarm): Map<string, Record<string, string>> {
  const byQuery = new Map<string, Record<string, string>>();
  const toRecord = (dims: Array<{ Name?: string; Value?: string }> | undefined) =>
    Object.fromEntries((dims ?? []).filter((d) => d.Name && d.Value !== undefined).map((d) => [d.Name!, d.Value!]));
  if (alarm.MetricName) byQuery.set('m1', toRecord(alarm.Dimensions));
  for (const query of alarm.Metrics ?? []) {
    if (query.Id && query.MetricStat?.Metric) byQuery.set(query.Id, toRecord(query.MetricStat.Metric.Dimensions));
  }
  return byQuery;
}
