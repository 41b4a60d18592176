import { App, Duration, Stack, aws_cloudwatch as cw } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { parseCompositeAlarm, parseTemplateAlarms } from '../../src/alarm-model/parse-composite-alarm';
import { parseMetricAlarm } from '../../src/alarm-model/parse-metric-alarm';
import { replay, ReplayOptions } from '../../src/alarm-model/replay';
import type { AlarmDefinition, MetricSeries, ReplayResult } from '../../src/alarm-model/types';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const at = (minute: number, second = 0) => new Date(T0 + minute * 60_000 + second * 1000).toISOString();
/** `HH:MM` after T0, for compact expectations. */
const hhmm = (iso: string) => iso.slice(11, 16);
const _ = null;

function alarm(props: Record<string, unknown>, id = 'A'): AlarmDefinition {
  return parseMetricAlarm(id, {
    MetricName: 'Errors',
    Namespace: 'App',
    Statistic: 'Sum',
    Period: 60,
    EvaluationPeriods: 3,
    Threshold: 5,
    ComparisonOperator: 'GreaterThanThreshold',
    ...props,
  });
}

function errors(values: ReadonlyArray<number | null>, extra: Partial<MetricSeries> = {}): MetricSeries {
  return { namespace: 'App', metricName: 'Errors', start: at(0), values, ...extra };
}

/** Transitions of each alarm as `HH:MM STATE`. */
function timeline(result: ReplayResult): Record<string, string[]> {
  return Object.fromEntries(result.alarms.map((a) => [a.id, a.transitions.map((t) => `${hhmm(t.timestamp)} ${t.state}`)]));
}

function run(alarms: AlarmDefinition[], series: MetricSeries[], minutes: number, options: Partial<ReplayOptions> = {}): ReplayResult {
  return replay(alarms, series, { from: at(0), to: at(minutes), ...options });
}

describe('metric alarms, evaluated every minute', () => {
  test('start in INSUFFICIENT_DATA, are first evaluated one minute after from, and go to ALARM on M of N', () => {
    //             0  1  2  3  4  5  6  7  8  9
    const values = [1, 1, 9, 1, 9, 1, 1, 1, 1, 1];
    const result = run([alarm({ DatapointsToAlarm: 2 })], [errors(values)], 10);
    expect(result.evaluations).toBe(10);
    expect(result.alarms[0].initialState).toBe('INSUFFICIENT_DATA');
    // 00:01 sees one real non-breaching point → OK; 00:05 sees 9 1 9 → 2 of 3; 00:06 sees 1 9 1 → 1 of 3.
    expect(timeline(result)).toEqual({ A: ['00:01 OK', '00:05 ALARM', '00:06 OK'] });
    expect(result.alarms[0].finalState).toBe('OK');
    expect(result.alarms[0].transitions[1]).toEqual({
      timestamp: at(5), epochMs: T0 + 5 * 60_000, state: 'ALARM', reason: '2 of the 3 most recent real datapoints breaching, at least 2',
    });
  });

  test('premature alarm: one breaching point, then nothing (M = N = 3, missing)', () => {
    const values = [_, _, _, _, _, _, _, _, _, _, 9];
    const result = run([alarm({})], [errors(values)], 20);
    // 00:11 `- - - - X` and 00:12 `- - - X -` wait; 00:13 `- - X - -` alarms; 00:16 everything is missing.
    expect(timeline(result)).toEqual({ A: ['00:13 ALARM', '00:16 INSUFFICIENT_DATA'] });
  });

  test.each([
    ['missing', ['00:01 OK', '00:09 INSUFFICIENT_DATA']],
    ['ignore', ['00:01 OK']],
    // 00:07 `1 1 - - -` and 00:08 `1 - - - -` stay OK: a real non-breaching point plus 1 or 2 filled is < 3.
    ['breaching', ['00:01 OK', '00:09 ALARM']],
    ['notBreaching', ['00:01 OK']],
  ])('a gap after OK data with TreatMissingData %s', (treat, want) => {
    const values = [1, 1, 1, 1];
    expect(timeline(run([alarm({ TreatMissingData: treat })], [errors(values)], 15)).A).toEqual(want);
  });

  test('ignore keeps ALARM through a gap', () => {
    const values = [9, 9, 9, _, _, _, _, _, _, _];
    expect(timeline(run([alarm({ TreatMissingData: 'ignore' })], [errors(values)], 10)).A).toEqual(['00:03 ALARM']);
  });

  test('with the evaluation range, older real points stand in for missing recent ones', () => {
    // At 00:05 the range holds 9 9 9 - -: three real points, all breaching.
    const values = [1, 9, 9, 9];
    const result = run([alarm({ TreatMissingData: 'notBreaching' })], [errors(values)], 8);
    expect(timeline(result).A).toEqual(['00:01 OK', '00:04 ALARM', '00:07 OK']);
  });

  test('a custom evaluation range changes how long old points count', () => {
    const values = [1, 9, 9, 9];
    const result = run([alarm({ TreatMissingData: 'notBreaching' })], [errors(values)], 8, { evaluationRange: (n) => n });
    expect(timeline(result).A).toEqual(['00:01 OK', '00:04 ALARM', '00:05 OK']);
  });

  test('a 5-minute alarm on 1-minute data slides its windows every minute by default', () => {
    // Sum over [t-5, t): breaches (> 5) once a 6 is inside the window.
    const values = [0, 0, 0, 0, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0];
    const five = alarm({ Period: 300, EvaluationPeriods: 1 });
    expect(timeline(run([five], [errors(values)], 16)).A).toEqual(['00:01 OK', '00:08 ALARM', '00:13 OK']);
    // Aligned windows: the 6 at 00:07 counts in [00:05, 00:10), seen from 00:10 to 00:14.
    expect(timeline(run([five], [errors(values)], 16, { alignWindowsToPeriod: true })).A).toEqual(['00:05 OK', '00:10 ALARM', '00:15 OK']);
  });

  test('5-minute data seen by a 5-minute alarm changes state only on 5-minute boundaries', () => {
    const series = errors([0, 9, 0], { period: 300 });
    expect(timeline(run([alarm({ Period: 300, EvaluationPeriods: 1 })], [series], 16)).A).toEqual(['00:05 OK', '00:10 ALARM', '00:15 OK']);
  });

  test('a high-resolution alarm is evaluated every period', () => {
    const series = errors([0, 0, 9, 9, 0, 0, 0], { period: 10 });
    const result = replay([alarm({ Period: 10, EvaluationPeriods: 2 })], [series], { from: at(0), to: at(1) });
    expect(result.evaluations).toBe(6);
    expect(result.alarms[0].transitions.map((t) => `${t.timestamp.slice(14, 19)} ${t.state}`)).toEqual(['00:10 OK', '00:40 ALARM', '00:50 OK']);
  });

  test('LessThan operators and Average over statistic sets', () => {
    const low = alarm({ Statistic: 'Average', ComparisonOperator: 'LessThanThreshold', Threshold: 2, EvaluationPeriods: 1 });
    const series: MetricSeries = {
      namespace: 'App',
      metricName: 'Errors',
      points: [
        { timestamp: at(0), sum: 10, sampleCount: 2, minimum: 1, maximum: 9 },
        { timestamp: at(1), sum: 3, sampleCount: 3, minimum: 1, maximum: 1 },
        { timestamp: at(2), value: 4 },
      ],
    };
    expect(timeline(run([low], [series], 3)).A).toEqual(['00:01 OK', '00:02 ALARM', '00:03 OK']);
  });

  test('a percentile alarm reads a series that holds that percentile', () => {
    const p99 = alarm({ Statistic: undefined, ExtendedStatistic: 'p99', Threshold: 500, EvaluationPeriods: 1, MetricName: 'Latency' });
    const series: MetricSeries = { namespace: 'App', metricName: 'Latency', statistic: 'p99', start: at(0), values: [100, 800, 200] };
    expect(timeline(run([p99], [series], 3)).A).toEqual(['00:01 OK', '00:02 ALARM', '00:03 OK']);
  });
});

describe('metric math alarms', () => {
  const ratioAlarm = (expression: string, extra: Record<string, unknown> = {}) => parseMetricAlarm('Burn', {
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    EvaluationPeriods: 1,
    Threshold: 0.1,
    ...extra,
    Metrics: [
      { Id: 'ratio', Expression: expression },
      { Id: 'bad', ReturnData: false, MetricStat: { Metric: { Namespace: 'App', MetricName: 'Bad' }, Period: 60, Stat: 'Sum' } },
      { Id: 'valid', ReturnData: false, MetricStat: { Metric: { Namespace: 'App', MetricName: 'Valid' }, Period: 60, Stat: 'Sum' } },
    ],
  });
  const series = (bad: Array<number | null>, valid: Array<number | null>): MetricSeries[] => [
    { namespace: 'App', metricName: 'Bad', start: at(0), values: bad },
    { namespace: 'App', metricName: 'Valid', start: at(0), values: valid },
  ];

  test('a bad/valid ratio: missing bad counts as 0, a zero denominator drops the point', () => {
    //                 0    1   2   3   4
    const data = series([_, 20, _, 5, 1], [100, 100, 100, 0, 100]);
    const result = run([ratioAlarm('bad / valid', { TreatMissingData: 'missing' })], data, 5);
    // ratios: 0, 0.2, 0, (dropped), 0.01; at 00:04 the range's most recent real point is 0 (00:02).
    expect(timeline(result).Burn).toEqual(['00:01 OK', '00:02 ALARM', '00:03 OK']);
  });

  test('IF guards the denominator and FILL fills the gaps', () => {
    const data = series([_, 20, _, 5], [_, 100, _, 0]);
    // ratios: -, 0.2, -, 0 — at 00:03 the 0.2 is still the most recent real point.
    expect(timeline(run([ratioAlarm('IF(valid > 0, bad / valid, 0)')], data, 4)).Burn).toEqual(['00:02 ALARM', '00:04 OK']);
    // ratios: 0, 0.2, 0, dropped (5 / 0).
    expect(timeline(run([ratioAlarm('FILL(bad, 0) / FILL(valid, 1)')], data, 4)).Burn).toEqual(['00:01 OK', '00:02 ALARM', '00:03 OK']);
  });

  test('a range-dependent expression (FILL REPEAT) is evaluated per evaluation, and agrees with a pointwise one on gap-free data', () => {
    const bad = [1, 30, 1, 1, 30, 30, 1, 1];
    const valid = [100, 100, 100, 100, 100, 100, 100, 100];
    const pointwise = run([ratioAlarm('bad / valid', { EvaluationPeriods: 3, DatapointsToAlarm: 2 })], series(bad, valid), 8);
    const perEvaluation = run([ratioAlarm('FILL(bad, REPEAT) / valid', { EvaluationPeriods: 3, DatapointsToAlarm: 2 })], series(bad, valid), 8);
    expect(timeline(perEvaluation)).toEqual(timeline(pointwise));
    expect(timeline(pointwise).Burn).toEqual(['00:01 OK', '00:06 ALARM', '00:08 OK']);
  });

  test('FILL REPEAT repeats the last value of the range into the gap', () => {
    const data = series([30, _, _, _, _, _, _, _], [100, 100, 100, 100, 100, 100, 100, 100]);
    // The 30 stays in the 3-point range (N = 1) until 00:03, and is repeated while it is there.
    expect(timeline(run([ratioAlarm('FILL(bad, REPEAT) / valid')], data, 8)).Burn).toEqual(['00:01 ALARM', '00:04 OK']);
  });

  test('nested expressions, as SloAlarmSet writes them: bad = FILL(a, 0) + FILL(b, 0), guarded by a minimum of valid events', () => {
    const metricStat = (name: string) => ({ Metric: { Namespace: 'App', MetricName: name }, Period: 60, Stat: 'Sum' });
    const slo = parseMetricAlarm('Slo', {
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      EvaluationPeriods: 1,
      Threshold: 0.1,
      TreatMissingData: 'notBreaching',
      Metrics: [
        { Id: 'ratio', Expression: 'IF(valid >= 20, FILL(bad, 0) / valid, 0)', ReturnData: true },
        { Id: 'bad', Expression: 'FILL(target, 0) + FILL(lb, 0)', ReturnData: false },
        { Id: 'target', MetricStat: metricStat('Target5xx'), ReturnData: false },
        { Id: 'lb', MetricStat: metricStat('Elb5xx'), ReturnData: false },
        { Id: 'valid', MetricStat: metricStat('Requests'), ReturnData: false },
      ],
    });
    const data: MetricSeries[] = [
      { namespace: 'App', metricName: 'Target5xx', start: at(0), values: [_, 5, _, 3, 9] },
      { namespace: 'App', metricName: 'Elb5xx', start: at(0), values: [_, 6, 2, _, 9] },
      { namespace: 'App', metricName: 'Requests', start: at(0), values: [100, 100, 100, 10, _] },
    ];
    // ratios: 0, 0.11, 0.02, 0 (10 requests: below the guard), missing (no requests) → notBreaching.
    expect(timeline(run([slo], data, 5)).Slo).toEqual(['00:01 OK', '00:02 ALARM', '00:03 OK']);
  });

  test('an expression that returns several series is rejected at replay', () => {
    const bad = parseMetricAlarm('Many', {
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 1,
      Threshold: 1,
      Metrics: [
        { Id: 'all', Expression: 'METRICS() * 2' },
        { Id: 'm1', ReturnData: false, MetricStat: { Metric: { Namespace: 'App', MetricName: 'Bad' }, Period: 60, Stat: 'Sum' } },
      ],
    });
    expect(() => run([bad], [], 2)).toThrow("alarm 'Many': the returned expression (query all) gives 1 time series; an alarm watches exactly one");
  });
});

describe('composite alarms', () => {
  const high = alarm({ EvaluationPeriods: 1, AlarmName: 'errors-high' }, 'High');
  const low = alarm({ EvaluationPeriods: 1, ComparisonOperator: 'LessThanThreshold', Threshold: 1 }, 'Low');

  test('start in INSUFFICIENT_DATA and leave it at their first evaluation, even while children have no data', () => {
    const composite = parseCompositeAlarm('C', { AlarmRule: 'ALARM(High)' });
    const result = run([high, composite], [], 3);
    expect(result.alarms.map((a) => [a.id, a.finalState])).toEqual([['High', 'INSUFFICIENT_DATA'], ['C', 'OK']]);
    expect(timeline(result).C).toEqual(['00:01 OK']);
    expect(result.warnings).toEqual(["Alarm 'High': no series for App Errors (statistic Sum, period 60 s); its datapoints are all missing"]);
    expect(result.missingSeries).toEqual([{ alarmId: 'High', queryId: expect.any(String), metric: 'App Errors', statistic: 'Sum', periodSeconds: 60, metricsOfAlarm: 1 }]);
  });

  test('follow their children in the same evaluation, referenced by id, name or ARN, through nested composites', () => {
    //              0  1  2  3  4  5
    const values = [0, 9, 9, 0, 9, 0.5];
    const either = parseCompositeAlarm('Either', { AlarmRule: 'ALARM("errors-high") OR ALARM(arn:aws:cloudwatch:eu-west-1:1:alarm:Low)' });
    const quiet = parseCompositeAlarm('Quiet', { AlarmRule: 'NOT ALARM(Either) AND (OK(High) OR TRUE)' });
    const result = run([quiet, high, either, low], [errors(values)], 6);
    expect(timeline(result)).toEqual({
      High: ['00:01 OK', '00:02 ALARM', '00:04 OK', '00:05 ALARM', '00:06 OK'],
      Low: ['00:01 ALARM', '00:02 OK', '00:04 ALARM', '00:05 OK', '00:06 ALARM'],
      Either: ['00:01 ALARM'],
      Quiet: ['00:01 OK'],
    });
  });

  test('a composite on a burn-rate pair fires only while both windows breach', () => {
    const short = alarm({ EvaluationPeriods: 1, Period: 60 }, 'Short');
    const long = alarm({ EvaluationPeriods: 1, Period: 300, Threshold: 15 }, 'Long');
    const page = parseCompositeAlarm('Page', { AlarmRule: '(ALARM(Short) AND ALARM(Long))' });
    // Short (> 5 per minute) breaches at 00:04 and 00:06–00:07; Long (> 15 per 5 minutes) from 00:06 to 00:10.
    const values = [0, 0, 0, 9, 0, 9, 9, 0, 0, 0, 0, 0];
    expect(timeline(run([short, long, page], [errors(values)], 12)).Page).toEqual(['00:01 OK', '00:06 ALARM', '00:08 OK']);
  });

  test.each([
    [[parseCompositeAlarm('C', { AlarmRule: 'ALARM(Nope)' })], "CompositeAlarm 'C': AlarmRule references \"Nope\", which is not among the replayed alarms (known: C)"],
    [[parseCompositeAlarm('C', { AlarmRule: 'ALARM(D)' }), parseCompositeAlarm('D', { AlarmRule: 'OK(C)' })], 'composite alarms reference each other in a cycle: C → D → C'],
    [[parseCompositeAlarm('C', { AlarmRule: 'ALARM(C)' })], "CompositeAlarm 'C': composite alarms reference each other in a cycle: C → C"],
  ])('rejects bad references %#', (alarms, message) => {
    expect(() => run(alarms as AlarmDefinition[], [], 2)).toThrow(message);
  });
});

describe('series lookup and options', () => {
  const dimensioned = (id: string, value: string | { Ref: string }) => parseMetricAlarm(id, {
    MetricName: 'Errors',
    Namespace: 'App',
    Statistic: 'Sum',
    Period: 60,
    EvaluationPeriods: 1,
    Threshold: 5,
    ComparisonOperator: 'GreaterThanThreshold',
    Dimensions: [{ Name: 'Host', Value: value }],
  });
  const hostSeries = (host: string, values: number[]): MetricSeries => ({ ...errors(values), dimensions: { Host: host } });

  test('dimensions select the series; an unresolved dimension value matches the only candidate', () => {
    const series = [hostSeries('a', [9]), { ...errors([0]), dimensions: { Host: 'b', Az: 'x' } }];
    const result = run([dimensioned('A', 'a'), dimensioned('Any', { Ref: 'Host' })], series, 1);
    expect(result.alarms.map((a) => a.finalState)).toEqual(['ALARM', 'ALARM']);
  });

  test('an unresolved dimension value matching two series is an error', () => {
    expect(() => run([dimensioned('Any', { Ref: 'Host' })], [hostSeries('a', [1]), hostSeries('b', [1])], 1))
      .toThrow("Alarm 'Any': 2 series match App Errors {Host=*} (metrics[0] (App Errors {Host=a}); metrics[1] (App Errors {Host=b})); give exactly one");
  });

  test('a series of the alarm statistic is preferred over raw observations of the same metric', () => {
    const result = run([alarm({ EvaluationPeriods: 1 })], [errors([0]), errors([9], { statistic: 'Sum' })], 1);
    expect(result.alarms[0].finalState).toBe('ALARM');
  });

  test.each([
    [{ from: at(5), to: at(5) }, 'replay option to must be after from, got from 2026-01-01T00:05:00.000Z and to 2026-01-01T00:05:00.000Z'],
    [{ from: 'then', to: at(5) }, 'replay option from must be an ISO 8601 timestamp or epoch milliseconds, got "then"'],
    [{ from: at(0), to: at(5), evaluationRange: () => 2 }, "Alarm 'A': the evaluation range must be an integer of at least EvaluationPeriods (3), got 2"],
  ])('rejects options %#', (options, message) => {
    expect(() => replay([alarm({})], [], options as ReplayOptions)).toThrow(message);
  });

  test('rejects two alarms with one id, and a period finer than the data', () => {
    expect(() => run([alarm({}), alarm({})], [], 1)).toThrow("replay: two alarms have the id 'A'; give each a unique id (e.g. prefix the stack name)");
    expect(() => run([alarm({})], [errors([1], { period: 300 })], 1)).toThrow("Alarm 'A': its period of 60 s is not a multiple of the 300-second period of metrics[0] (App Errors)");
  });
});

describe('a template synthesized by aws-cdk-lib', () => {
  test('the burn-rate composite of a real template pages during an outage and recovers', () => {
    const stack = new Stack(new App(), 'Slo');
    const metric = (metricName: string, minutes: number) => new cw.Metric({ namespace: 'AWS/ApplicationELB', metricName, statistic: 'Sum', period: Duration.minutes(minutes) });
    const ratio = (minutes: number) => new cw.MathExpression({
      expression: 'IF(valid > 0, FILL(bad, 0) / valid, 0)',
      usingMetrics: { bad: metric('HTTPCode_Target_5XX_Count', minutes), valid: metric('RequestCount', minutes) },
      period: Duration.minutes(minutes),
    });
    const short = ratio(5).createAlarm(stack, 'Short', { threshold: 0.0144, evaluationPeriods: 1, treatMissingData: cw.TreatMissingData.NOT_BREACHING });
    const long = ratio(60).createAlarm(stack, 'Long', { threshold: 0.0144, evaluationPeriods: 1, treatMissingData: cw.TreatMissingData.NOT_BREACHING });
    new cw.CompositeAlarm(stack, 'Page', { alarmRule: cw.AlarmRule.allOf(short, long) });
    const alarms = parseTemplateAlarms(Template.fromStack(stack).toJSON().Resources);

    // Two hours of traffic, 100 requests a minute; every request fails from 01:30 to 01:40.
    const minutes = 120;
    const valid = Array.from({ length: minutes }, () => 100);
    const bad = Array.from({ length: minutes }, (_v, i) => (i >= 90 && i < 100 ? 100 : null));
    const result = replay(alarms, [
      { namespace: 'AWS/ApplicationELB', metricName: 'RequestCount', start: at(0), values: valid },
      { namespace: 'AWS/ApplicationELB', metricName: 'HTTPCode_Target_5XX_Count', start: at(0), values: bad },
    ], { from: at(0), to: at(minutes) });

    const page = result.alarms.find((a) => a.kind === 'composite')!;
    // Short window: 1 bad minute in 5 is 20 % → 01:31. Long: 1.44 % of 6000 requests → 87 bad, from 01:31 too.
    // Short recovers at 01:45 (no bad minute left in its window), ending the page.
    expect(page.transitions.map((t) => `${hhmm(t.timestamp)} ${t.state}`)).toEqual(['00:01 OK', '01:31 ALARM', '01:45 OK']);
    const longAlarm = result.alarms.find((a) => a.id.startsWith('Long'))!;
    expect(longAlarm.transitions.map((t) => `${hhmm(t.timestamp)} ${t.state}`)).toEqual(['00:01 OK', '01:31 ALARM']);
  });
});

describe('the fast paths agree with evaluating every range from scratch', () => {
  /** Deterministic pseudo-random data with gaps, long enough to cross several chunks of the pipeline. */
  function noisy(minutes: number, seed: number): Array<number | null> {
    let x = seed;
    const next = () => { x = (x * 48271) % 2147483647; return x / 2147483647; };
    let gap = 0;
    return Array.from({ length: minutes }, () => {
      if (gap > 0) { gap--; return null; }
      if (next() < 0.02) gap = Math.floor(next() * 12);
      return Math.floor(next() * 10);
    });
  }

  test.each([
    [3, 3, 'missing'], [3, 2, 'ignore'], [5, 1, 'breaching'], [4, 2, 'notBreaching'],
    [10, 7, 'missing'], [12, 3, 'ignore'], [10, 10, 'breaching'],
  ])('N = %d, M = %d, %s, over 20,000 minutes', (n, m, treat) => {
    const values = noisy(20_000, n * 31 + m);
    const props = (expression: string) => ({
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      EvaluationPeriods: n,
      DatapointsToAlarm: m,
      Threshold: 6,
      TreatMissingData: treat,
      Metrics: [
        { Id: 'e1', Expression: expression },
        { Id: 'm1', ReturnData: false, MetricStat: { Metric: { Namespace: 'App', MetricName: 'Errors' }, Period: 120, Stat: 'Maximum' } },
      ],
    });
    // `m1 + 0 * SUM(m1)` equals m1 but depends on the whole range, so it is evaluated range by range.
    const fast = parseMetricAlarm('Fast', props('m1'));
    const slow = parseMetricAlarm('Slow', props('m1 + 0 * SUM(m1)'));
    const result = run([fast, slow], [errors(values)], 20_000);
    const [a, b] = result.alarms.map((x) => x.transitions.map((t) => `${t.timestamp} ${t.state} ${t.reason}`));
    expect(a.length).toBeGreaterThan(10);
    expect(a).toEqual(b);
  });
});
