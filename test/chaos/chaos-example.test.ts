import * as fs from 'fs';
import * as path from 'path';
import { Stack, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { FAULT_READY, fargateService } from './fixtures';
import { formatFindings } from '../../examples/compliance/findings';
import { synthWithCompliance } from '../../examples/compliance/synth';
import { addChaosExperiments, ZONE_LOSS_DURATION } from '../../examples/stacks/chaos-example';
import { ChaosSchedule } from '../../src/chaos';
import { experimentTemplateProblems, parseFisDuration } from '../../src/chaos/fis-rules';

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

    // Every experiment the example synthesizes is one FIS accepts (parameters per resource type and action).
    const experiments = Object.values(template.findResources('AWS::FIS::ExperimentTemplate')).map((r: any) => r.Properties);
    for (const properties of experiments) expect(experimentTemplateProblems(properties)).toEqual([]);

    // The zone-loss experiment does what its description says, for as long as it says.
    const zoneLoss = experiments.find((p) => /^Losing /.test(p.Description));
    const minutes = Number(/for (\d+) minutes/.exec(zoneLoss.Description)?.[1]);
    expect(minutes).toBe(ZONE_LOSS_DURATION.toMinutes());
    const actions = Object.values<any>(zoneLoss.Actions);
    const network = actions.find((a) => a.ActionId === 'aws:network:disrupt-connectivity');
    expect(parseFisDuration(network.Parameters.duration)).toBe(minutes * 60);
    expect(network.Parameters.scope).toBe('all');
    const tasks = actions.find((a) => a.ActionId === 'aws:ecs:stop-task');
    const taskTarget = zoneLoss.Targets[tasks.Targets.Tasks];
    const zone = /^Losing (\S+) /.exec(zoneLoss.Description)![1];
    expect(taskTarget.Parameters).not.toHaveProperty('availabilityZoneIdentifier');
    expect(taskTarget.Filters).toEqual([{ Path: 'AvailabilityZone', Values: [zone] }]);
    expect(taskTarget.SelectionMode).toBe('ALL');
    // Every subnet of that zone the service uses: the fixture's service runs in one isolated subnet per zone.
    const subnetTarget = zoneLoss.Targets[network.Targets.Subnets];
    expect(subnetTarget.ResourceArns).toHaveLength(1);
  });
});
