import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseMetricsDocument, readMetricsFile } from '../../../src/cli/backtest/metrics-file';

const series = (points: unknown[], extra: Record<string, unknown> = {}) => ({ metrics: [{ namespace: 'Shop', metricName: 'Errors', period: 60, points, ...extra }] });

describe('parseMetricsDocument', () => {
  test('replay range: first timestamp to the end of the last period', () => {
    const file = parseMetricsDocument({
      metrics: [
        { namespace: 'A', metricName: 'x', period: 60, points: [{ timestamp: '2026-01-01T00:01:00Z', value: 1 }, { timestamp: '2026-01-01T00:02:00Z', value: null }] },
        { namespace: 'A', metricName: 'y', period: 300, points: [{ timestamp: '2026-01-01T00:00:00Z', sum: 3, sampleCount: 2, minimum: 1, maximum: 2 }] },
      ],
    }, 'm.json');
    expect(new Date(file.fromMs).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(new Date(file.toMs).toISOString()).toBe('2026-01-01T00:05:00.000Z');
    expect(file.series).toHaveLength(2);
  });

  test.each([
    [{}, 'Metrics file m.json must be a JSON object with a "metrics" array'],
    [{ metrics: [] }, 'Metrics file m.json: "metrics" is empty, nothing to replay'],
    [{ metrics: [{ metricName: 'x', points: [] }] }, 'Metrics file m.json: metrics[0].namespace must be a non-empty string, got undefined'],
    [series([], { period: 90.5 }), 'metrics[0].period must be a positive whole number of seconds, got 90.5'],
    [series([]), 'metrics[0].points must be a non-empty array'],
    [series([{ timestamp: 'yesterday', value: 1 }]), 'metrics[0].points[0].timestamp must be an ISO 8601 time, got "yesterday"'],
    [series([{ timestamp: '2026-01-01T00:00:00Z', value: 1, sum: 1 }]), 'metrics[0].points[0] must carry either "value" (a number, or null for a missing datapoint) or a statistic set (sum, sampleCount, minimum, maximum), not both'],
    [series([{ timestamp: '2026-01-01T00:00:00Z' }]), 'not neither'],
    [series([{ timestamp: '2026-01-01T00:00:00Z', value: '3' }]), 'metrics[0].points[0].value must be a number or null, got "3"'],
    [series([{ timestamp: '2026-01-01T00:00:00Z', sum: 1, sampleCount: 'two' }]), 'metrics[0].points[0].sampleCount must be a number, got "two"'],
    [series([{ timestamp: '2026-01-01T00:00:00Z', value: 1 }], { statistic: 99 }), 'metrics[0].statistic must be a statistic name such as p99, got 99'],
  ])('rejects %j', (document, message) => {
    expect(() => parseMetricsDocument(document, 'm.json')).toThrow(message);
  });
});

describe('readMetricsFile', () => {
  test('missing and malformed files are named', () => {
    expect(() => readMetricsFile('/nonexistent/m.json')).toThrow('Metrics file not found: /nonexistent/m.json');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-reliability-m-')), 'm.json');
    fs.writeFileSync(file, '{ "metrics": [ ');
    expect(() => readMetricsFile(file)).toThrow(`Metrics file ${file} is not valid JSON`);
  });
});
