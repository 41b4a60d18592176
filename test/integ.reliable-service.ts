import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack, aws_ecs as ecs } from 'aws-cdk-lib';
import { ReliableService } from '../src/service';

/**
 * A ReliableService serving nginx (unprivileged image) over plain HTTP, since a test account has no
 * certificate for a domain. The assertions read the service back from ECS (safe deployments are on)
 * and call the load balancer (the tasks answer through it).
 */
const app = new App();
// Access logging needs a known Region (the ELB log delivery principal differs per Region).
const stack = new Stack(app, 'ReliableServiceInteg', { env: { region: 'us-east-1' } });

const service = new ReliableService(stack, 'Web', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:1.27'),
  containerPort: 8080,
  user: '101',
  writablePaths: ['/tmp', '/var/cache/nginx'],
  healthCheckPath: '/',
  allowPlainHttp: true,
  desiredCount: 2,
  // A test stack must be deletable.
  loadBalancerDeletionProtection: false,
});

const integ = new IntegTest(app, 'ReliableServiceTest', {
  testCases: [stack],
  // Same environment as the service: the assertions reference its cluster and load balancer.
  assertionStack: new Stack(app, 'ReliableServiceAssertions', { env: { region: 'us-east-1' } }),
});
integ.assertions
  .awsApiCall('ECS', 'describeServices', { cluster: service.cluster.clusterArn, services: [service.service.serviceArn] })
  .expect(ExpectedResult.objectLike({
    services: [{
      desiredCount: 2,
      deploymentConfiguration: {
        minimumHealthyPercent: 100,
        maximumPercent: 200,
        deploymentCircuitBreaker: { enable: true, rollback: true },
        alarms: { enable: true, rollback: true },
      },
    }],
  }));
integ.assertions
  .httpApiCall(`http://${service.loadBalancer.loadBalancerDnsName}/`)
  .expect(ExpectedResult.objectLike({ status: 200 }));
