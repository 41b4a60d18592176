import { Lazy } from 'aws-cdk-lib';
import * as rules from '../../src/service/service-rules';

const O = "ReliableService 'Api'";

describe('ReliableService prop rules', () => {
  test.each([0, -1, 65536, 80.5])('rejects port %p', (port) => {
    expect(() => rules.checkPort(O, 'containerPort', port))
      .toThrow(`${O}: containerPort must be an integer between 1 and 65535, got ${port}`);
  });

  test('accepts ports 1 and 65535', () => {
    expect(() => rules.checkPort(O, 'containerPort', 1)).not.toThrow();
    expect(() => rules.checkPort(O, 'containerPort', 65535)).not.toThrow();
  });

  test.each([1, 0, 2.5])('rejects desiredCount %p', (count) => {
    expect(() => rules.checkDesiredCount(O, count))
      .toThrow(`${O}: desiredCount must be an integer of at least 2 (one task per AZ survives an AZ loss), got ${count}`);
  });

  test('accepts desiredCount 2', () => {
    expect(() => rules.checkDesiredCount(O, 2)).not.toThrow();
  });

  test('rejects an unknown CPU value', () => {
    expect(() => rules.checkFargateSize(O, 768, 2048))
      .toThrow(`${O}: cpu must be one of 256, 512, 1024, 2048, 4096, 8192, 16384, got 768`);
  });

  test('rejects memory that does not go with the CPU', () => {
    expect(() => rules.checkFargateSize(O, 256, 4096))
      .toThrow(`${O}: memoryLimitMiB must be 512 or 1024 to 2048 in steps of 1024 with cpu 256, got 4096`);
  });

  test.each(['health', '', '/he alth'])('rejects health-check path %p', (path) => {
    expect(() => rules.checkHealthCheckPath(O, path))
      .toThrow(`${O}: healthCheckPath must start with '/' and hold no whitespace (at most 1024 characters), got ${JSON.stringify(path)}`);
  });

  test('minHealthyPercent below 100 needs the opt-out', () => {
    expect(() => rules.checkHealthyPercents(O, 50, 200, false))
      .toThrow(`${O}: minHealthyPercent must be 100 unless allowReducedCapacityDeployments is true (a deployment would run below desired capacity), got 50`);
    expect(() => rules.checkHealthyPercents(O, 50, 200, true)).not.toThrow();
  });

  test('maxHealthyPercent must leave room for new tasks', () => {
    expect(() => rules.checkHealthyPercents(O, 100, 100, false))
      .toThrow(`${O}: maxHealthyPercent must be above 100 when minHealthyPercent is 100 (no room to start new tasks), got 100`);
    expect(() => rules.checkHealthyPercents(O, 100, 90, false))
      .toThrow(`${O}: maxHealthyPercent must be an integer between 100 and 400, got 90`);
  });

  test('a listener without certificate needs allowPlainHttp', () => {
    expect(() => rules.checkListenerProtocol(O, false, false))
      .toThrow(`${O}: certificate must be given for an HTTPS listener, got undefined (set allowPlainHttp: true to serve plain HTTP on purpose)`);
    expect(() => rules.checkListenerProtocol(O, false, true)).not.toThrow();
    expect(() => rules.checkListenerProtocol(O, true, false)).not.toThrow();
  });

  test('a certificate and allowPlainHttp together are contradictory', () => {
    expect(() => rules.checkListenerProtocol(O, true, true))
      .toThrow(`${O}: allowPlainHttp must be unset when a certificate is given (HTTP then redirects to HTTPS), got true`);
  });

  test('needs at least two AZs', () => {
    expect(() => rules.checkAvailabilityZones(O, 'vpc (task subnets)', 1))
      .toThrow(`${O}: vpc (task subnets) must span at least 2 Availability Zones, got 1 Availability Zone`);
    expect(() => rules.checkAvailabilityZones(O, 'vpc', 2)).not.toThrow();
  });

  test('autoscaling bounds', () => {
    expect(() => rules.checkAutoScaling(O, 1, 6, 60, 1000))
      .toThrow(`${O}: autoScaling.minCapacity must be an integer between 2 and 5000, got 1`);
    expect(() => rules.checkAutoScaling(O, 4, 3, 60, 1000))
      .toThrow(`${O}: autoScaling.maxCapacity must be an integer between 4 and 5000, got 3`);
    expect(() => rules.checkAutoScaling(O, 2, 6, 95, 1000))
      .toThrow(`${O}: autoScaling.targetCpuPercent must be a number between 10 and 90, got 95`);
    expect(() => rules.checkAutoScaling(O, 2, 6, 60, 0))
      .toThrow(`${O}: autoScaling.requestsPerTarget must be an integer between 1 and 1000000, got 0`);
    expect(() => rules.checkAutoScaling(O, 2, 6, 60, 1000)).not.toThrow();
  });

  test('SLO objectives', () => {
    expect(() => rules.checkSloObjectives(O, 100, 99, 500))
      .toThrow(`${O}: slo.availabilityPercent must be a number between 90 and 99.999, got 100`);
    expect(() => rules.checkSloObjectives(O, 99.9, 80, 500))
      .toThrow(`${O}: slo.latencyPercent must be a number between 90 and 99.999, got 80`);
    expect(() => rules.checkSloObjectives(O, 99.9, 99, 0.5))
      .toThrow(`${O}: slo.latencyThreshold must be a whole number of milliseconds between 1 and 60000, got 0.5 ms`);
    expect(() => rules.checkSloObjectives(O, 99.9, 99, 500)).not.toThrow();
  });

  test.each(['DB_PASSWORD', 'AWS_SECRET_ACCESS_KEY', 'aws_access_key_id', 'GITHUB_TOKEN', 'STRIPE_API_KEY'])(
    'rejects secret-looking environment variable %s', (name) => {
      expect(() => rules.checkEnvironment(O, { [name]: 'x' }))
        .toThrow(`${O}: environment.${name} must be passed in secrets (ecs.Secret from Secrets Manager or SSM), got a plain-text value`);
    });

  test('accepts ordinary environment variables', () => {
    expect(() => rules.checkEnvironment(O, { LOG_LEVEL: 'info', PORT: '8080' })).not.toThrow();
  });

  test('writable paths are absolute and unique', () => {
    expect(() => rules.checkWritablePaths(O, ['tmp']))
      .toThrow(`${O}: writablePaths must hold absolute paths other than '/' without whitespace, got "tmp"`);
    expect(() => rules.checkWritablePaths(O, ['/']))
      .toThrow(`${O}: writablePaths must hold absolute paths other than '/' without whitespace, got "/"`);
    expect(() => rules.checkWritablePaths(O, ['/tmp', '/tmp']))
      .toThrow(`${O}: writablePaths must hold each path once, got "/tmp"`);
  });

  test('root user, test listener port and grace period', () => {
    expect(() => rules.rejectRootUser(O, 'root')).toThrow(`${O}: user must name a non-root user (not root or uid 0), got "root"`);
    expect(() => rules.checkTestListenerPort(O, 443))
      .toThrow(`${O}: deploymentStrategy.testListenerPort must differ from the production ports 80 and 443, got 443`);
    expect(() => rules.checkGracePeriodSeconds(O, 7200))
      .toThrow(`${O}: healthCheckGracePeriod (seconds) must be an integer between 0 and 3600, got 7200`);
  });

  test('CPU architecture: only the ones Fargate runs Linux on', () => {
    expect(() => rules.checkCpuArchitecture(O, 'X86_64')).not.toThrow();
    expect(() => rules.checkCpuArchitecture(O, 'ARM64')).not.toThrow();
    expect(() => rules.checkCpuArchitecture(O, Lazy.string({ produce: () => 'ARM64' }))).not.toThrow();
    expect(() => rules.checkCpuArchitecture(O, 'arm64'))
      .toThrow(`${O}: cpuArchitecture must be one of ecs.CpuArchitecture.X86_64, ecs.CpuArchitecture.ARM64, got "arm64"`);
    expect(() => rules.checkCpuArchitecture(O, undefined))
      .toThrow(`${O}: cpuArchitecture must be one of ecs.CpuArchitecture.X86_64, ecs.CpuArchitecture.ARM64, got undefined`);
  });
});

describe('ReliableService rules: zones, alarm routing, lookup failures', () => {
  test('standard zones of the Region are accepted, in any number from 2', () => {
    expect(() => rules.checkAvailabilityZoneNames(O, 'eu-central-1', ['eu-central-1a', 'eu-central-1c'])).not.toThrow();
    expect(() => rules.checkAvailabilityZoneNames(O, 'us-east-1', ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d'])).not.toThrow();
  });

  test('a zone of a Region whose name extends the stack\'s is refused (us-east-1 is not a prefix match for us-east-10a)', () => {
    expect(() => rules.checkAvailabilityZoneNames(O, 'us-east-1', ['us-east-1a', 'us-east-10a'])).toThrow('got "us-east-10a"');
  });

  test('both severities with 1 to 5 actions pass', () => {
    expect(() => rules.checkAlarmActions(O, [1], [1, 2, 3, 4, 5])).not.toThrow();
  });

  test('the lookup-failure message carries the cdk.context.json key and the SDK message', () => {
    const message = rules.availabilityZoneLookupFailed(O, '222222222222', 'eu-west-1', 'no credentials');
    expect(message).toContain('"availability-zones:account=222222222222:region=eu-west-1": ["eu-west-1a", "eu-west-1b", "eu-west-1c"]');
    expect(message).toContain('(no credentials)');
  });
});
