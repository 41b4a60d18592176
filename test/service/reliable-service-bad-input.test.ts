import {
  App,
  Duration,
  Stack,
  Token,
  aws_cloudwatch_actions as actions,
  aws_ec2 as ec2,
  aws_ecs as ecs,
  aws_sns as sns,
} from 'aws-cdk-lib';
import { ReliableService, ReliableServiceProps, ServiceDeploymentStrategy } from '../../src';

/**
 * Bad input a user can write, each failing at synth with the house error: the construct, the prop,
 * the value and what is allowed; never a TypeError, never a token-encoded number.
 */

const env = { account: '111111111111', region: 'us-east-1' };
const O = "[S/Api] ReliableService 'Api'";
// Token.asNumber renders as a huge negative double (e.g. -1.888e+289); no message may contain one.
const TOKEN_NUMBER = /-?\d\.\d+e\+\d+/;

function minimal(): ReliableServiceProps {
  return {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:1.27'),
    containerPort: 8080,
    healthCheckPath: '/',
    allowPlainHttp: true,
  };
}

function attempt(extra: Record<string, unknown>, stackEnv: { account?: string; region?: string } = env): () => ReliableService {
  return () => {
    const stack = new Stack(new App(), 'S', { env: stackEnv });
    return new ReliableService(stack, 'Api', { ...minimal(), ...extra } as unknown as ReliableServiceProps);
  };
}

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect((error as Error).name).toBe('ValidationError');
    return (error as Error).message;
  }
  throw new Error('expected a ValidationError, nothing was thrown');
}

describe('required props left out by a JavaScript caller: a house error, never a TypeError', () => {
  test('no props at all', () => {
    expect(messageOf(() => new (ReliableService as any)(new Stack(new App(), 'S', { env }), 'Api')))
      .toBe(`${O}: props must be given (at least image, containerPort and healthCheckPath), got undefined`);
  });

  test.each([
    ['image', "image must be an ecs.ContainerImage, e.g. ecs.ContainerImage.fromRegistry('nginxinc/nginx-unprivileged:1.27'), got undefined"],
    ['containerPort', 'containerPort must be an integer between 1 and 65535, got undefined'],
    ['healthCheckPath', "healthCheckPath must be given: the HTTP path that answers 2xx or 3xx when the container is healthy, e.g. '/' for a plain web server, got undefined"],
  ])('%s undefined', (prop, message) => {
    expect(messageOf(attempt({ [prop]: undefined }))).toBe(`${O}: ${message}`);
  });

  test('an image that is not a ContainerImage (a string)', () => {
    expect(messageOf(attempt({ image: 'nginx' }))).toMatch(`${O}: image must be an ecs.ContainerImage`);
  });
});

describe('tokens in numbers the construct computes with: the right prop, no token-encoded number', () => {
  const token = () => Token.asNumber({ Ref: 'Param' });
  test.each([
    ['containerPort', { containerPort: token() }],
    ['desiredCount', { desiredCount: token() }],
    ['cpu', { cpu: token() }],
    ['memoryLimitMiB', { memoryLimitMiB: token() }],
    ['minHealthyPercent', { minHealthyPercent: token(), allowReducedCapacityDeployments: true }],
    ['maxHealthyPercent', { maxHealthyPercent: token() }],
    ['autoScaling.minCapacity', { autoScaling: { minCapacity: token() } }],
    ['autoScaling.maxCapacity', { autoScaling: { maxCapacity: token() } }],
    ['autoScaling.targetCpuPercent', { autoScaling: { targetCpuPercent: token() } }],
    ['autoScaling.requestsPerTarget', { autoScaling: { requestsPerTarget: token() } }],
    ['slo.availabilityPercent', { slo: { availabilityPercent: token() } }],
    ['slo.latencyPercent', { slo: { latencyPercent: token() } }],
  ])('%s', (prop, extra) => {
    const message = messageOf(attempt(extra));
    expect(message).toBe(`${O}: ${prop} must be a plain number, not a token (it is computed with at synth), got (a token)`);
    expect(message).not.toMatch(TOKEN_NUMBER);
  });

  test.each([
    ['slo.latencyThreshold', { slo: { latencyThreshold: Duration.millis(Token.asNumber({ Ref: 'Ms' })) } }],
    ['healthCheckGracePeriod', { healthCheckGracePeriod: Duration.seconds(Token.asNumber({ Ref: 'S' })) }],
  ])('%s (a Duration)', (prop, extra) => {
    const message = messageOf(attempt(extra));
    expect(message).toMatch(`${O}: ${prop} must be a Duration known at synth, not a token, got`);
    expect(message).not.toMatch(TOKEN_NUMBER);
  });
});

describe('healthCheckPath, writablePaths and containerPort', () => {
  test.each([
    ['health', "healthCheckPath must start with '/' and hold no whitespace (at most 1024 characters), got \"health\""],
    ['/he alth', "healthCheckPath must start with '/' and hold no whitespace (at most 1024 characters), got \"/he alth\""],
  ])('healthCheckPath %p', (path, message) => {
    expect(messageOf(attempt({ healthCheckPath: path }))).toBe(`${O}: ${message}`);
  });

  test.each([
    [['tmp'], "writablePaths must hold absolute paths other than '/' without whitespace, got \"tmp\""],
    [['/'], "writablePaths must hold absolute paths other than '/' without whitespace, got \"/\""],
    [['/tmp', '/tmp'], 'writablePaths must hold each path once, got "/tmp"'],
  ])('writablePaths %p', (paths, message) => {
    expect(messageOf(attempt({ writablePaths: paths }))).toBe(`${O}: ${message}`);
  });

  test.each([0, 65536, 8080.5])('containerPort %p', (port) => {
    expect(messageOf(attempt({ containerPort: port }))).toBe(`${O}: containerPort must be an integer between 1 and 65535, got ${port}`);
  });
});

describe('availabilityZones', () => {
  const allowed = 'availabilityZones must hold at least 2 distinct Availability Zones of us-east-1 (us-east-1 followed by one letter, '
    + 'e.g. us-east-1a; Local and Wavelength Zones are not supported)';
  test.each([
    [['us-west-2a', 'us-west-2b'], '"us-west-2a"'],
    [['us-east-1a', 'us-east-2b'], '"us-east-2b"'],
    [['us-east-1a', 'us-east-1-bos-1a'], '"us-east-1-bos-1a"'],
    [['use1-az1', 'use1-az2'], '"use1-az1"'],
    [['us-east-1a'], 'an array of 1'],
  ])('zones %p are refused', (zones, got) => {
    expect(messageOf(attempt({ availabilityZones: zones }))).toBe(`${O}: ${allowed}, got ${got}`);
  });

  test('a zone named twice', () => {
    expect(messageOf(attempt({ availabilityZones: ['us-east-1a', 'us-east-1a'] })))
      .toBe(`${O}: availabilityZones must hold each Availability Zone once, got "us-east-1a"`);
  });

  test('together with vpc', () => {
    const stack = new Stack(new App(), 'S', { env });
    const vpc = new ec2.Vpc(stack, 'Shared', { maxAzs: 2, natGateways: 1 });
    expect(messageOf(() => new ReliableService(stack, 'Api', { ...minimal(), vpc, availabilityZones: ['us-east-1a', 'us-east-1b'] })))
      .toBe(`${O}: availabilityZones must be left out when vpc is given (the zones are those of the vpc's subnets), got an array of 2`);
  });
});

describe('alarmActions: once given, every severity reaches someone', () => {
  function topicAction(stack: Stack) {
    return new actions.SnsAction(sns.Topic.fromTopicArn(stack, 'Topic', 'arn:aws:sns:us-east-1:111111111111:alerts'));
  }
  function withActions(build: (action: actions.SnsAction) => Record<string, unknown>) {
    return () => {
      const stack = new Stack(new App(), 'S', { env });
      return new ReliableService(stack, 'Api', { ...minimal(), alarmActions: build(topicAction(stack)) } as ReliableServiceProps);
    };
  }

  test('page actions without ticket actions are refused, naming the prop and the way out', () => {
    expect(messageOf(withActions((a) => ({ page: [a] })))).toBe(`${O}: alarmActions.ticket must hold at least one action when `
      + 'alarmActions is given: the CPU and memory saturation alarms, the SLO ticket alarm and the deployment rollback alarm notify it '
      + "(give the team queue's actions, or ticket: page to send them to the page actions too), got undefined");
  });

  test('ticket actions without page actions are refused', () => {
    expect(messageOf(withActions((a) => ({ ticket: [a] })))).toBe(`${O}: alarmActions.page must hold at least one action when `
      + 'alarmActions is given: the SLO page alarm fires on a fast error-budget burn and needs the on-call actions, got undefined');
  });

  test('an empty list is refused like a missing one', () => {
    expect(messageOf(withActions((a) => ({ page: [a], ticket: [] })))).toMatch(`${O}: alarmActions.ticket must hold at least one action`);
  });

  test('more than 5 actions per severity (the CloudWatch limit per alarm state)', () => {
    expect(messageOf(withActions((a) => ({ page: [a, a, a, a, a, a], ticket: [a] }))))
      .toBe(`${O}: alarmActions.page must hold at most 5 actions (a CloudWatch limit per alarm state), got an array of 6`);
  });
});

describe('deploymentStrategy.bakeTime is held to the same limits as BlueGreenPipeline.bakeTime (ECS bakeTimeInMinutes)', () => {
  test.each([
    ['90 seconds', Duration.seconds(90), 'be a whole number of minutes between 0 and 1440, got 1 minute 30 seconds'],
    ['2 days', Duration.days(2), 'be a whole number of minutes between 0 and 1440, got 2 days'],
    ['a token', Duration.minutes(Token.asNumber({ Ref: 'Bake' })), 'be known at synth (not a token)'],
  ])('%s', (_label, bakeTime, allowed) => {
    const message = messageOf(attempt({ deploymentStrategy: ServiceDeploymentStrategy.blueGreen({ bakeTime }) }));
    expect(message).toContain(`${O}: deploymentStrategy.bakeTime must ${allowed}`);
    expect(message).not.toMatch(TOKEN_NUMBER);
  });

  test('a whole number of minutes is accepted and reaches the service', () => {
    const service = attempt({ deploymentStrategy: ServiceDeploymentStrategy.blueGreen({ bakeTime: Duration.minutes(15) }) })();
    expect(service.deploymentStrategy.bakeTime?.toMinutes()).toBe(15);
  });
});
