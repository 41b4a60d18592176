import * as fs from 'fs';
import * as path from 'path';
import { Stack, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { FAULT_READY, fargateService } from './fixtures';
import { formatFindings } from '../../examples/compliance/findings';
import { synthWithCompliance } from '../../examples/compliance/synth';
import { addChaosExperiments } from '../../examples/stacks/chaos-example';
import { ChaosSchedule } from '../../src/chaos';

describe('addChaosExperiments (example)', () => {
  test('three experiments stopped by the page alarm, with no finding of their own under every pack', () => {
    const result = synthWithCompliance((app) => {
      const stack = new Stack(app, 'Example', { env: { account: '111111111111', region: 'us-east-1' } });
      const { service, taskDefinition, vpc } = fargateService(stack, FAULT_READY);
      const stopAlarm = new cloudwatch.Alarm(stack, 'PageAlarm', { metric: service.metricCpuUtilization(), threshold: 90, evaluationPeriods: 1 });
      const experiments = addChaosExperiments(stack, {
        service, taskDefinition, stopAlarm, subnets: vpc.isolatedSubnets, gameDay: ChaosSchedule.cron({ hour: '10', weekDay: 'TUE' }),
      });
      expect(experiments.latency).toBeDefined();
      expect(experiments.zoneLoss).toBeDefined();
    });
    const template = Template.fromJSON(JSON.parse(fs.readFileSync(path.join(result.assemblyDir, 'Example.template.json'), 'utf8')));
    const ours = result.findings.filter((f) => /^Example\/(TaskLoss|Latency|ZoneLoss)Experiment/.test(f.constructPath));
    expect(formatFindings(ours)).toBe('');
    template.resourceCountIs('AWS::FIS::ExperimentTemplate', 3);
    template.resourceCountIs('AWS::Scheduler::Schedule', 1);
  });
});
