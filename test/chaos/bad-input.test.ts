import { App, Duration, Lazy, Stack, aws_autoscaling as autoscaling, aws_ec2 as ec2 } from 'aws-cdk-lib';
import { importedRole, importedTargets } from './fixtures';
import { ChaosFisExperiment, ChaosFisExperimentProps, ChaosSchedule, FisAction, FisApiService, FisSelection } from '../../src/chaos';
import { ReliabilityValidationError } from '../../src/common/errors';

const tokenNumber = () => Lazy.number({ produce: () => 5 });
/** What a token-encoded number looks like when it leaks into a message. */
const ENCODED_NUMBER = /e\+\d{3}/;

function expectHouseError(fn: () => unknown, message: string | RegExp) {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ReliabilityValidationError);
  expect((error as Error).message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
  expect((error as Error).message).not.toMatch(ENCODED_NUMBER);
}

function experiment(props: Partial<ChaosFisExperimentProps> | undefined) {
  const targets = importedTargets();
  const base = { description: 'd', actions: [FisAction.ecsStopTasks({ service: targets.service })], stopConditions: [targets.alarm] };
  return () => new ChaosFisExperiment(targets.stack, 'E', props === undefined ? undefined as any : { ...base, ...props } as ChaosFisExperimentProps);
}

describe('JavaScript callers leaving required props out get the house error, never a TypeError', () => {
  test.each<[string, () => unknown, string]>([
    ['no props at all', experiment(undefined), "[Chaos/E] ChaosFisExperiment 'E': props must be an object, got undefined"],
    ['description', experiment({ description: undefined }), "[Chaos/E] ChaosFisExperiment 'E': description must be 1-512 characters, got undefined"],
    ['actions', experiment({ actions: undefined }), "[Chaos/E] ChaosFisExperiment 'E': actions must hold at least one action, got undefined"],
    ['an action', experiment({ actions: [undefined as any] }), "[Chaos/E] ChaosFisExperiment 'E': actions[0] must be a FisAction (built by a FisAction factory), got undefined"],
    ['stopConditions', experiment({ stopConditions: undefined }),
      "[Chaos/E] ChaosFisExperiment 'E': stopConditions must hold at least one alarm (an experiment that cannot stop itself is refused), got undefined"],
    ['a stop condition', experiment({ stopConditions: [undefined as any] }), "[Chaos/E] ChaosFisExperiment 'E': stopConditions[0] must be a CloudWatch alarm, got undefined"],
    ['the report bucket', experiment({ experimentReport: {} as any }), "[Chaos/E] ChaosFisExperiment 'E': experimentReport.bucket must be an S3 bucket, got undefined"],
    ['ecsStopTasks options', () => FisAction.ecsStopTasks(undefined as any), "FisAction 'stopTasks': options must be an object, got undefined"],
    ['ecsStopTasks service', () => FisAction.ecsStopTasks({} as any), "FisAction 'stopTasks': service must be an ECS service, got undefined"],
    ['wait duration', () => FisAction.wait({} as any), "FisAction 'wait': duration must be a Duration between 1 minute and 12 hours, got undefined"],
    ['custom options', () => FisAction.custom(undefined as any), "FisAction.custom 'custom': options must be an object, got undefined"],
    ['azPowerInterruption options', () => FisAction.azPowerInterruption(undefined as any),
      "FisAction.azPowerInterruption 'azPower': options must be an object, got undefined"],
    ['azPowerInterruption availabilityZone', () => FisAction.azPowerInterruption({ duration: Duration.minutes(5) } as any),
      "FisAction.azPowerInterruption 'azPower': availabilityZone must be an Availability Zone name like us-east-1a (tasks and instances report their zone by name: a zone id such as use1-az1 would match none), got undefined"],
    ['azPowerInterruption duration', () => FisAction.azPowerInterruption({ availabilityZone: 'us-east-1a', subnets: importedTargets().vpc.privateSubnets } as any),
      "FisAction.azPowerInterruption 'azPower': duration must be a Duration between 1 minute and 12 hours, got undefined"],
    ['cron options', () => ChaosSchedule.cron(undefined as any), 'ChaosSchedule.cron: options must be an object, got undefined'],
    ['cron hour', () => ChaosSchedule.cron({} as any), 'ChaosSchedule.cron: hour must be a cron field without spaces (e.g. "10", "MON-FRI", "*/2"), got undefined'],
    ['rate interval', () => ChaosSchedule.rate(undefined as any),
      'ChaosSchedule.rate: interval must be a Duration of whole hours or days, at least one hour, got undefined'],
  ])('%s', (_name, fn, message) => expectHouseError(fn, message));
});

describe('tokens in numbers the construct computes with are refused, naming the prop, never printing an encoded number', () => {
  test.each<[string, () => unknown, string]>([
    ['selection percent', () => FisAction.ecsStopTasks({ service: importedTargets().service, selection: FisSelection.percent(tokenNumber()) }),
      "FisAction 'stopTasks': selection percent must be a plain number, not a token (it is checked against 1-100 and written into a FIS parameter), got (a token)"],
    ['selection count', () => FisAction.ecsStopTasks({ service: importedTargets().service, selection: FisSelection.count(tokenNumber()) }),
      "FisAction 'stopTasks': selection count must be a plain number, not a token (it is checked against 1-1000 and written into a FIS parameter), got (a token)"],
    ['loadPercent', () => FisAction.ecsTaskCpuStress({ service: importedTargets().service, duration: Duration.minutes(5), loadPercent: tokenNumber() }),
      "FisAction 'cpuStress': loadPercent must be a plain number, not a token (it is checked against 1-100 and written into a FIS parameter), got (a token)"],
    ['an action duration', () => FisAction.wait({ duration: Duration.minutes(tokenNumber()) }),
      "FisAction 'wait': duration must be a plain Duration, not a token (FIS needs a duration between 1 minute and 12 hours), got a token"],
    ['the zone-loss duration', () => FisAction.azPowerInterruption({ availabilityZone: 'us-east-1a', duration: Duration.minutes(tokenNumber()), subnets: importedTargets().vpc.privateSubnets }),
      "FisAction.azPowerInterruption 'azPower': duration must be a plain Duration, not a token (FIS needs a duration between 1 minute and 12 hours), got a token"],
    ['a schedule rate', () => ChaosSchedule.rate(Duration.hours(tokenNumber())),
      'ChaosSchedule.rate: interval must be a plain Duration, not a token (of whole hours or days, at least one hour), got a token'],
  ])('%s', (_name, fn, message) => expectHouseError(fn, message));
});

describe('ids and values inside FIS parameters', () => {
  test.each<[string, () => unknown, string | RegExp]>([
    ['a zone of another Region', () => {
      const { stack, service, alarm } = importedTargets();
      return new ChaosFisExperiment(stack, 'E', {
        description: 'd', actions: [FisAction.ecsStopTasks({ service, availabilityZone: 'eu-west-1a' })], stopConditions: [alarm],
      });
    }, '[Chaos/E] ChaosFisExperiment \'E\': actions["stopTasks"] availabilityZone must be a zone of the stack\'s Region us-east-1, got "eu-west-1a"'],
    ['a zone-loss zone that is not a zone name', () => FisAction.azPowerInterruption({ availabilityZone: 'zone-a', duration: Duration.minutes(5), instanceTags: { a: 'b' } }),
      /availabilityZone must be an Availability Zone name like us-east-1a .*got "zone-a"/],
    ['a connectivity scope FIS does not know', () => FisAction.disruptSubnetConnectivity({ subnets: importedTargets().vpc.privateSubnets, duration: Duration.minutes(5), scope: 'everything' as any }),
      "FisAction 'disruptNetwork': scope must be one of all, availability-zone, dynamodb, s3, vpc, got \"everything\""],
    ['an Auto Scaling zone that is neither a name nor an id', () => {
      const stack = new Stack(new App(), 'S');
      const group = new autoscaling.AutoScalingGroup(stack, 'Asg', {
        vpc: new ec2.Vpc(stack, 'Vpc', { natGateways: 0 }), instanceType: new ec2.InstanceType('t3.micro'), machineImage: ec2.MachineImage.latestAmazonLinux2023(),
      });
      return FisAction.asgInsufficientCapacity({ autoScalingGroup: group, availabilityZones: ['zone-a'], duration: Duration.minutes(5) });
    }, "FisAction 'insufficientCapacity': availabilityZones must hold Availability Zone names (us-east-1a) or ids (use1-az1), got \"zone-a\""],
    ['an API operation with a comma', () => {
      const { stack } = importedTargets();
      return FisAction.apiInternalError({ roles: [importedRole(stack)], service: FisApiService.EC2, operations: ['A,B'], duration: Duration.minutes(5) });
    }, "FisAction 'apiInternalError': operations must hold API operation names such as DescribeInstances, got \"A,B\""],
    ['a name prefix too long for the generated names', () => FisAction.azPowerInterruption({ availabilityZone: 'us-east-1a', duration: Duration.minutes(5), instanceTags: { a: 'b' }, namePrefix: 'x'.repeat(41) }),
      /namePrefix must be 1-40 letters, digits, '-' or '_', got "x{41}"/],
    ['an action description over 512 characters', () => FisAction.wait({ duration: Duration.minutes(5), description: 'x'.repeat(513) }),
      /FisAction 'wait': description must be a string of at most 512 characters/],
    ['a custom parameter that is not a string', () => FisAction.custom({ actionId: 'aws:fis:wait', parameters: { duration: 5 as any } }),
      "FisAction 'wait': parameters.duration must be a string (FIS action parameters are strings), got 5"],
    ['a cron field with spaces', () => ChaosSchedule.cron({ hour: '10 11' }), /ChaosSchedule.cron: hour must be a cron field without spaces/],
  ])('%s', (_name, fn, message) => expectHouseError(fn, message));
});

describe('scheduleTimeZone is an IANA time zone name', () => {
  const scheduled = (scheduleTimeZone: string) => experiment({
    schedule: ChaosSchedule.cron({ hour: '10', weekDay: 'TUE' }), acknowledgeRecurringChaos: true, scheduleTimeZone,
  });

  test.each(['UTC', 'Etc/UTC', 'Europe/Paris', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5'])('accepts %s', (zone) => {
    expect(scheduled(zone)).not.toThrow();
  });

  test.each(['Mars/Olympus_Mons', 'europe/paris', '+05:00', 'Paris', ''])('refuses %p', (zone) => {
    expectHouseError(scheduled(zone),
      `[Chaos/E] ChaosFisExperiment 'E': scheduleTimeZone must be an IANA time zone name such as "UTC" or "Europe/Paris", got ${JSON.stringify(zone)}`);
  });
});
