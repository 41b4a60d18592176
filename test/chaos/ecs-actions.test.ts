import { App, Duration, Stack, aws_ecs as ecs } from 'aws-cdk-lib';
import { FAULT_READY, fargateService, importedTargets } from './fixtures';
import { FisAction, FisSelection } from '../../src/chaos';

const resolve = (stack: Stack, value: unknown) => stack.resolve(value);
const newStack = () => new Stack(new App(), 'S', { env: { account: '111111111111', region: 'us-east-1' } });

describe('FisAction.ecsStopTasks', () => {
  test('targets the service tasks by cluster and service, one task by default', () => {
    const { stack, service } = importedTargets();
    const action = FisAction.ecsStopTasks({ service });
    expect(action.actionId).toBe('aws:ecs:stop-task');
    expect(action.name).toBe('stopTasks');
    expect(action.targetKey).toBe('Tasks');
    expect(action.target?.resourceType).toBe('aws:ecs:task');
    expect(action.target?.parameters).toEqual({ cluster: 'shop', service: 'web' });
    expect(action.target?.selection._render('O', 's')).toBe('COUNT(1)');
    const statements = action.statements.map((s) => resolve(stack, s.toStatementJson()));
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: ['ecs:DescribeTasks', 'ecs:StopTask'],
        Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ecs:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':task/shop/*']] },
      },
      {
        Effect: 'Allow',
        Action: 'ecs:ListTasks',
        Resource: '*',
        Condition: { ArnEquals: { 'ecs:cluster': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ecs:us-east-1:111111111111:cluster/shop']] } } },
      },
    ]);
  });

  test('percent selection and zone: the zone is a filter on the task\'s AvailabilityZone, never a target parameter', () => {
    const { service } = importedTargets();
    const action = FisAction.ecsStopTasks({ service, selection: FisSelection.percent(25), availabilityZone: 'us-east-1a', name: 'kill' });
    expect(action.target?.selection._render('O', 's')).toBe('PERCENT(25)');
    expect(action.target?.parameters).toEqual({ cluster: 'shop', service: 'web' });
    expect(action.target?.filters).toEqual([{ path: 'AvailabilityZone', values: ['us-east-1a'] }]);
  });

  test('refuses a zone id: ECS reports a task\'s zone by name, so the filter would match no task', () => {
    const { service } = importedTargets();
    expect(() => FisAction.ecsStopTasks({ service, availabilityZone: 'use1-az1', name: 'kill' }))
      .toThrow("FisAction 'kill': availabilityZone must be an Availability Zone name like us-east-1a (tasks and instances report their zone by name: a zone id such as use1-az1 would match none), got \"use1-az1\"");
  });

  test.each([0, 101])('refuses percent %p with the action name', (percent) => {
    const { service } = importedTargets();
    expect(() => FisAction.ecsStopTasks({ service, name: 'kill', selection: FisSelection.percent(percent) }))
      .toThrow(`FisAction 'kill': selection percent must be an integer between 1 and 100, got ${percent}`);
  });

  test('refuses a name FIS would reject', () => {
    const { service } = importedTargets();
    expect(() => FisAction.ecsStopTasks({ service, name: 'stop tasks' }))
      .toThrow("FisAction 'stop tasks': name must be 1-56 letters, digits, '-' or '_', got \"stop tasks\"");
  });
});

describe('FisAction.ecsTaskCpuStress', () => {
  test('parameters and SSM statements scoped to the FIS document', () => {
    const { stack, service } = importedTargets();
    const action = FisAction.ecsTaskCpuStress({ service, duration: Duration.minutes(10), loadPercent: 80 });
    expect(action.parameters).toEqual({ duration: 'PT10M', percent: '80', workers: '0', installDependencies: 'true' });
    const sendCommand = action.statements.map((s) => resolve(stack, s.toStatementJson())).find((s) => s.Action === 'ssm:SendCommand');
    expect(JSON.stringify(sendCommand.Resource)).toContain(':document/AWSFIS-Run-CPU-Stress');
    expect(JSON.stringify(sendCommand.Resource)).toContain(':managed-instance/*');
  });

  test('refuses a load of 0 percent and a 30 second duration', () => {
    const { service } = importedTargets();
    expect(() => FisAction.ecsTaskCpuStress({ service, duration: Duration.minutes(5), loadPercent: 0 }))
      .toThrow("FisAction 'cpuStress': loadPercent must be an integer between 1 and 100, got 0");
    expect(() => FisAction.ecsTaskCpuStress({ service, duration: Duration.seconds(30) }))
      .toThrow("FisAction 'cpuStress': duration must be a whole number of seconds between 1 minute and 12 hours, got 30 seconds");
  });
});

describe('ECS network faults need fault injection on the task definition', () => {
  test('latency on a service whose task definition enables fault injection and pidMode task', () => {
    const stack = newStack();
    const { service } = fargateService(stack, FAULT_READY);
    const action = FisAction.ecsTaskNetworkLatency({ service, duration: Duration.minutes(5), delay: Duration.millis(300), sources: ['DYNAMODB', 'S3'] });
    expect(action.parameters).toEqual({
      duration: 'PT5M',
      delayMilliseconds: '300',
      jitterMilliseconds: '10',
      flowsPercent: '100',
      sources: 'DYNAMODB,S3',
      installDependencies: 'true',
      useEcsFaultInjectionEndpoints: 'true',
    });
    const actions = action.statements.flatMap((s) => s.actions);
    expect(actions).toEqual(expect.arrayContaining(['ecs:DescribeContainerInstances', 'ec2:DescribeInstances', 'ec2:DescribeSubnets', 'ssm:SendCommand']));
  });

  test('packet loss parameters', () => {
    const stack = newStack();
    const { service, taskDefinition } = fargateService(stack, FAULT_READY);
    const action = FisAction.ecsTaskNetworkPacketLoss({ service, taskDefinition, duration: Duration.minutes(3), lossPercent: 20 });
    expect(action.parameters).toMatchObject({ duration: 'PT3M', lossPercent: '20', useEcsFaultInjectionEndpoints: 'true' });
  });

  test('refuses a task definition without enableFaultInjection', () => {
    const stack = newStack();
    const { service } = fargateService(stack, { ...FAULT_READY, enableFaultInjection: undefined });
    expect(() => FisAction.ecsTaskNetworkLatency({ service, duration: Duration.minutes(5) }))
      .toThrow("FisAction 'networkLatency': taskDefinition enableFaultInjection must be true for aws:ecs:task-network-latency (it uses the ECS fault injection endpoints), got undefined");
  });

  test('refuses enableFaultInjection: false on packet loss', () => {
    const stack = newStack();
    const { service } = fargateService(stack, { ...FAULT_READY, enableFaultInjection: false });
    expect(() => FisAction.ecsTaskNetworkPacketLoss({ service, duration: Duration.minutes(5) }))
      .toThrow(/taskDefinition enableFaultInjection must be true for aws:ecs:task-network-packet-loss .* got false/);
  });

  test('refuses a task definition without pidMode task', () => {
    const stack = newStack();
    const { service } = fargateService(stack, { ...FAULT_READY, pidMode: undefined });
    expect(() => FisAction.ecsTaskNetworkLatency({ service, duration: Duration.minutes(5) }))
      .toThrow("FisAction 'networkLatency': taskDefinition pidMode must be \"task\" for aws:ecs:task-network-latency, got undefined");
  });

  test('an imported service needs its task definition', () => {
    const { service } = importedTargets();
    expect(() => FisAction.ecsTaskNetworkLatency({ service, duration: Duration.minutes(5) }))
      .toThrow("FisAction 'networkLatency': taskDefinition must be given when service is imported, so that aws:ecs:task-network-latency can check fault injection is enabled, got undefined");
  });

  test('an imported task definition cannot be checked', () => {
    const { stack, service } = importedTargets();
    const taskDefinition = ecs.FargateTaskDefinition.fromFargateTaskDefinitionArn(stack, 'Td', 'arn:aws:ecs:us-east-1:111111111111:task-definition/web:3');
    expect(() => FisAction.ecsTaskNetworkPacketLoss({ service, taskDefinition, duration: Duration.minutes(5) }))
      .toThrow(/taskDefinition must be defined in this app with enableFaultInjection: true/);
  });

  test('refuses a delay over one minute and an empty source list', () => {
    const stack = newStack();
    const { service } = fargateService(stack, FAULT_READY);
    expect(() => FisAction.ecsTaskNetworkLatency({ service, duration: Duration.minutes(5), delay: Duration.minutes(2) }))
      .toThrow("FisAction 'networkLatency': delay must be between 1 ms and 1 minute, got 2 minutes");
    expect(() => FisAction.ecsTaskNetworkLatency({ service, duration: Duration.minutes(5), sources: [] }))
      .toThrow(/sources must be a non-empty list/);
  });
});
