import { AssemblyStack, CfnTemplate } from '../../../src/cli/assembly/cloud-assembly';
import { assemblyAlarms } from '../../../src/cli/backtest/assembly-alarms';

const alarm = (dimensions: unknown[] = []) => ({
  Type: 'AWS::CloudWatch::Alarm',
  Properties: { Namespace: 'Shop', MetricName: 'Errors', Dimensions: dimensions, Period: 60, Statistic: 'Sum', EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' },
});
const stackOf = (artifactId: string, template: CfnTemplate): AssemblyStack => ({
  artifactId, displayName: artifactId, templateFile: '', template, metadata: {}, constructPaths: {},
});

describe('assemblyAlarms', () => {
  test('ids are stack-qualified, composite references resolve within the stack, token dimensions stay unknown', () => {
    const template: CfnTemplate = {
      Resources: {
        Errors: alarm([{ Name: 'LoadBalancer', Value: { 'Fn::GetAtt': ['Alb', 'LoadBalancerFullName'] } }]),
        Page: {
          Type: 'AWS::CloudWatch::CompositeAlarm',
          Properties: { AlarmName: 'page', AlarmRule: { 'Fn::Join': ['', ['ALARM("', { 'Fn::GetAtt': ['Errors', 'Arn'] }, '")']] } },
        },
      },
    };
    const { definitions, origins } = assemblyAlarms([stackOf('Blue', template), stackOf('Green', template)]);
    expect(definitions.map((d) => d.id)).toEqual(['Blue/Errors', 'Blue/Page', 'Green/Errors', 'Green/Page']);
    const page = definitions[1];
    expect(page.kind === 'composite' && page.rule).toBe('ALARM("Blue/Errors")');
    const errors = definitions[0];
    expect(errors.kind === 'metric' && errors.queries[0].metricStat!.metric.dimensions).toEqual({ LoadBalancer: null });
    expect(origins.get('Green/Page')).toEqual({ stack: expect.objectContaining({ artifactId: 'Green' }), logicalId: 'Page' });
  });
});
