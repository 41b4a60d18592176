import { Duration } from 'aws-cdk-lib';
import { ServiceDeploymentKind, ServiceDeploymentStrategy } from '../../src/service/service-deployment-strategy';

describe('ServiceDeploymentStrategy', () => {
  test('rolling has no bake time', () => {
    const s = ServiceDeploymentStrategy.rolling();
    expect(s.kind).toBe(ServiceDeploymentKind.ROLLING);
    expect(s.bakeTime).toBeUndefined();
  });

  test('blue/green bakes 5 minutes by default', () => {
    const s = ServiceDeploymentStrategy.blueGreen();
    expect(s.kind).toBe(ServiceDeploymentKind.BLUE_GREEN);
    expect(s.bakeTime?.toMinutes()).toBe(5);
    expect(s.testListenerPort).toBeUndefined();
  });

  test('blue/green keeps the given options', () => {
    const s = ServiceDeploymentStrategy.blueGreen({ bakeTime: Duration.minutes(12), testListenerPort: 9443 });
    expect(s.bakeTime?.toMinutes()).toBe(12);
    expect(s.testListenerPort).toBe(9443);
  });
});
