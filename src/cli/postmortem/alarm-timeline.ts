import { CloudWatchClient, DescribeAlarmHistoryCommand } from '@aws-sdk/client-cloudwatch';
import { AssemblyStack } from '../assembly/cloud-assembly';

/** One alarm's state changes in the window, in the JSON contract's shape. */
export interface AlarmTimeline {
  readonly stack: string;
  readonly logicalId: string;
  readonly alarmName: string | null;
  readonly transitions: Array<{ readonly timestamp: string; readonly state: string }>;
}

/** A template alarm and how its deployed name is recognized. */
export interface TemplateAlarm {
  readonly stack: AssemblyStack;
  readonly logicalId: string;
  /** The literal AlarmName, when the template sets one. */
  readonly alarmName?: string;
}

/** Every metric and composite alarm of the assembly. */
export function templateAlarms(stacks: readonly AssemblyStack[]): TemplateAlarm[] {
  return stacks.flatMap((stack) => Object.entries(stack.template.Resources ?? {})
    .filter(([, r]) => r.Type === 'AWS::CloudWatch::Alarm' || r.Type === 'AWS::CloudWatch::CompositeAlarm')
    .map(([logicalId, r]) => ({ stack, logicalId, alarmName: typeof r.Properties?.AlarmName === 'string' ? r.Properties.AlarmName : undefined })));
}

/**
 * Whether a deployed alarm name is this template alarm: the literal AlarmName, else CloudFormation's
 * generated `<stack name>-<logical id>-<suffix>`.
 */
export function isDeployedName(alarm: TemplateAlarm, deployedName: string): boolean {
  if (alarm.alarmName !== undefined) return deployedName === alarm.alarmName;
  return deployedName.startsWith(`${alarm.stack.stackName ?? alarm.stack.displayName}-${alarm.logicalId}-`);
}

/** One StateUpdate history item, as the API returns it. */
export interface HistoryItem {
  readonly alarmName: string;
  readonly timestampMs: number;
  readonly historyData?: string;
  readonly historySummary?: string;
}

/** The new state of a StateUpdate item: from HistoryData (JSON), else from the summary's "to STATE". */
export function newStateOf(item: HistoryItem): string | undefined {
  try {
    const data = JSON.parse(item.historyData ?? '');
    const state = data?.newState?.stateValue;
    if (typeof state === 'string') return state;
  } catch {
    // Not JSON: fall back to the summary.
  }
  return /\bto (OK|ALARM|INSUFFICIENT_DATA)\b/.exec(item.historySummary ?? '')?.[1];
}

/** The timelines of the template's alarms from history items, alarms without a change in the window left out. */
export function timelinesFromHistory(alarms: readonly TemplateAlarm[], items: readonly HistoryItem[]): AlarmTimeline[] {
  const sorted = [...items].sort((a, b) => a.timestampMs - b.timestampMs);
  return alarms.map((alarm) => ({
    stack: alarm.stack.displayName,
    logicalId: alarm.logicalId,
    alarmName: alarm.alarmName ?? sorted.find((i) => isDeployedName(alarm, i.alarmName))?.alarmName ?? null,
    transitions: sorted.filter((i) => isDeployedName(alarm, i.alarmName)).flatMap((i) => {
      const state = newStateOf(i);
      return state ? [{ timestamp: new Date(i.timestampMs).toISOString(), state }] : [];
    }),
  })).filter((t) => t.transitions.length > 0);
}

/**
 * Every StateUpdate of every alarm in [fromMs, toMs) with DescribeAlarmHistory, all pages (NextToken).
 * Throttling is retried by the SDK client's retry strategy, as for GetMetricData.
 */
export async function fetchAlarmHistory(client: CloudWatchClient, fromMs: number, toMs: number): Promise<HistoryItem[]> {
  const items: HistoryItem[] = [];
  let nextToken: string | undefined;
  do {
    const response = await client.send(new DescribeAlarmHistoryCommand({
      HistoryItemType: 'StateUpdate',
      AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
      StartDate: new Date(fromMs),
      EndDate: new Date(toMs),
      ScanBy: 'TimestampAscending',
      MaxRecords: 100,
      NextToken: nextToken,
    }));
    for (const item of response.AlarmHistoryItems ?? []) {
      if (!item.AlarmName || !item.Timestamp) continue;
      items.push({
        alarmName: item.AlarmName,
        timestampMs: new Date(item.Timestamp).getTime(),
        historyData: item.HistoryData,
        historySummary: item.HistorySummary,
      });
    }
    nextToken = response.NextToken;
  } while (nextToken);
  return items;
}
