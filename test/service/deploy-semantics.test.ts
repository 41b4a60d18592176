import { App, Stack, aws_certificatemanager as acm, aws_ecs as ecs } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ReliableService } from '../../src';

/**
 * Deploy semantics of ReliableService: for each runtime path the construct sets up (who calls what,
 * from where, with which permission), the AWS documentation fact it relies on, cited in the test name
 * or the comment above it. They read the synthesized template the way the service would at run time.
 */

const ACCOUNT = '111111111111';
const REGION = 'us-east-1';
const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

const app = new App({ context: { [`availability-zones:account=${ACCOUNT}:region=${REGION}`]: ZONES } });
const stack = new Stack(app, 'S', { env: { account: ACCOUNT, region: REGION } });
new ReliableService(stack, 'Api', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:1.27'),
  containerPort: 8080,
  healthCheckPath: '/ready',
  user: '101',
  certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/abc`),
});
const template = Template.fromStack(stack);
const resources = template.toJSON().Resources as Record<string, { Type: string; Properties: any }>;

function ofType(type: string): Array<[string, any]> {
  return Object.entries(resources).filter(([, r]) => r.Type === type).map(([id, r]) => [id, r.Properties]);
}
function single(type: string): any {
  const all = ofType(type);
  expect(all).toHaveLength(1);
  return all[0][1];
}
const ref = (id: string) => ({ Ref: id });
const groupId = (id: string) => ({ 'Fn::GetAtt': [id, 'GroupId'] });

/** Where the default route (0.0.0.0/0) of a subnet leads: 'igw', 'nat:<subnet of the NAT gateway>' or undefined. */
function defaultRouteOf(subnetId: string): string | undefined {
  const association = ofType('AWS::EC2::SubnetRouteTableAssociation').find(([, p]) => p.SubnetId.Ref === subnetId)?.[1];
  const route = ofType('AWS::EC2::Route')
    .find(([, p]) => p.DestinationCidrBlock === '0.0.0.0/0' && p.RouteTableId.Ref === association?.RouteTableId.Ref)?.[1];
  if (!route) return undefined;
  if (route.GatewayId) return resources[route.GatewayId.Ref].Type === 'AWS::EC2::InternetGateway' ? 'igw' : undefined;
  if (route.NatGatewayId) return `nat:${resources[route.NatGatewayId.Ref].Properties.SubnetId.Ref}`;
  return undefined;
}
const zoneOf = (subnetId: string) => resources[subnetId].Properties.AvailabilityZone;

const service = single('AWS::ECS::Service');
const loadBalancer = single('AWS::ElasticLoadBalancingV2::LoadBalancer');
const taskSubnets: string[] = service.NetworkConfiguration.AwsvpcConfiguration.Subnets.map((s: { Ref: string }) => s.Ref);
const serviceGroup: string = service.NetworkConfiguration.AwsvpcConfiguration.SecurityGroups[0]['Fn::GetAtt'][0];
const lbGroup: string = loadBalancer.SecurityGroups[0]['Fn::GetAtt'][0];

describe('network reachability', () => {
  // Amazon VPC user guide, "Security group rules": a rule whose source is a security group allows traffic
  // from the private IP addresses of the resources associated with that group. The ALB reaches IP targets
  // (awsvpc tasks) at their private addresses from its own nodes (ELB user guide, "Target groups for your
  // Application Load Balancers", target type ip), so a rule referencing the ALB's group matches that traffic.
  test('VPC security group rules: the tasks admit the load balancer\'s security group on the container port, and only that', () => {
    const ingress = ofType('AWS::EC2::SecurityGroupIngress').map(([, p]) => p).filter((p) => p.GroupId['Fn::GetAtt'][0] === serviceGroup);
    expect(ingress).toEqual([expect.objectContaining({
      IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: groupId(lbGroup),
    })]);
    expect(resources[serviceGroup].Properties.SecurityGroupIngress).toBeUndefined();
  });

  test('VPC security group rules: the load balancer\'s group may send to the tasks\' group on the container port (egress is not open to all)', () => {
    const egress = ofType('AWS::EC2::SecurityGroupEgress').map(([, p]) => p).filter((p) => p.GroupId['Fn::GetAtt'][0] === lbGroup);
    expect(egress).toEqual(expect.arrayContaining([expect.objectContaining({
      IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, DestinationSecurityGroupId: groupId(serviceGroup),
    })]));
  });

  // Amazon ECS developer guide, "Fargate task networking" / "Connect Amazon ECS applications to the internet":
  // a task in a private subnet without a public IP pulls images from public registries and reaches AWS
  // APIs (ECR, CloudWatch Logs, Secrets Manager) through a NAT gateway in a public subnet.
  test('ECS Fargate task networking: tasks run in private subnets without public IPs and egress through a NAT gateway in their own AZ', () => {
    expect(service.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp).toBe('DISABLED');
    expect(taskSubnets).toHaveLength(3);
    expect(new Set(taskSubnets.map(zoneOf))).toEqual(new Set(ZONES));
    for (const subnet of taskSubnets) {
      const route = defaultRouteOf(subnet);
      expect(route).toMatch(/^nat:/);
      const natSubnet = route!.slice('nat:'.length);
      // The NAT gateway sits in a public subnet (route to the internet gateway) of the same AZ: an AZ
      // outage takes no other AZ's egress with it (Amazon VPC user guide, "NAT gateways": zonal).
      expect(defaultRouteOf(natSubnet)).toBe('igw');
      expect(zoneOf(natSubnet)).toEqual(zoneOf(subnet));
    }
    expect(resources[serviceGroup].Properties.SecurityGroupEgress).toEqual([expect.objectContaining({ CidrIp: '0.0.0.0/0', IpProtocol: '-1' })]);
  });

  // ELB user guide, "Application Load Balancers" / CreateLoadBalancer Scheme: an internet-facing load
  // balancer's nodes have public IPs and must be in public subnets (a route to an internet gateway),
  // in at least two Availability Zones.
  test('ELB CreateLoadBalancer (Scheme): the internet-facing load balancer sits in public subnets of every zone', () => {
    expect(loadBalancer.Scheme).toBe('internet-facing');
    const subnets: string[] = loadBalancer.Subnets.map((s: { Ref: string }) => s.Ref);
    expect(new Set(subnets.map(zoneOf))).toEqual(new Set(ZONES));
    for (const subnet of subnets) expect(defaultRouteOf(subnet)).toBe('igw');
    expect(subnets.some((s) => taskSubnets.includes(s))).toBe(false);
  });
});

describe('health checks', () => {
  // ELB user guide, "Health checks for Application Load Balancer target groups": the load balancer sends
  // HealthCheckPath to each target on HealthCheckPort (default traffic-port, the target's port).
  test('ELB target group health checks: the ALB probes healthCheckPath on the container port', () => {
    const [, targetGroup] = ofType('AWS::ElasticLoadBalancingV2::TargetGroup')[0];
    expect(targetGroup).toEqual(expect.objectContaining({
      HealthCheckPath: '/ready', Port: 8080, TargetType: 'ip', Matcher: { HttpCode: '200-399' },
    }));
    expect(targetGroup.HealthCheckPort ?? 'traffic-port').toBe('traffic-port');
  });

  // Amazon ECS developer guide, "HealthCheck" (container definitions): the command runs inside the
  // container; exit code 0 is healthy. It therefore probes localhost on the container port.
  test('ECS container HealthCheck: the command probes the same path on localhost inside the container', () => {
    const [container] = single('AWS::ECS::TaskDefinition').ContainerDefinitions;
    expect(container.HealthCheck.Command).toEqual(['CMD-SHELL',
      'curl -fs http://localhost:8080/ready || wget -q -O /dev/null http://localhost:8080/ready || exit 1']);
    expect(container.User).toBe('101');
    expect(container.ReadonlyRootFilesystem).toBe(true);
  });
});

describe('KMS-encrypted destinations and their writers', () => {
  // CloudWatch Logs user guide, "Encrypt log data in CloudWatch Logs using AWS KMS": the key policy must
  // allow the principal logs.<region>.amazonaws.com kms:Encrypt*, Decrypt*, ReEncrypt*, GenerateDataKey*,
  // Describe*, optionally conditioned on kms:EncryptionContext:aws:logs:arn. CloudWatch Logs encrypts on
  // behalf of every writer (awslogs driver via the execution role, VPC flow logs, WAF), so the writers
  // themselves need no KMS permission.
  test('CloudWatch Logs KMS encryption: the key admits logs.us-east-1.amazonaws.com for this account\'s log groups', () => {
    const key = single('AWS::KMS::Key');
    const statement = key.KeyPolicy.Statement.find((s: any) => s.Principal?.Service === `logs.${REGION}.amazonaws.com`);
    expect(statement).toEqual(expect.objectContaining({
      Effect: 'Allow',
      Action: expect.arrayContaining(['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*']),
      Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:logs:${REGION}:${ACCOUNT}:log-group:*`]] } } },
    }));
  });

  test('CloudWatch Logs KMS encryption: every log group of the service (container, flow logs, WAF) uses that key, in this stack\'s account', () => {
    const [keyId] = ofType('AWS::KMS::Key')[0];
    const groups = ofType('AWS::Logs::LogGroup').map(([, p]) => p);
    expect(groups).toHaveLength(3);
    for (const group of groups) expect(group.KmsKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    // WAF delivers only to log groups whose name starts with aws-waf-logs- (AWS WAF developer guide, "CloudWatch Logs").
    expect(groups.filter((g) => String(g.LogGroupName ?? '').startsWith('aws-waf-logs-'))).toHaveLength(1);
  });

  test('CloudWatch Logs KMS encryption: no writer role carries KMS permissions it does not need', () => {
    const kmsActions = ofType('AWS::IAM::ManagedPolicy').concat(ofType('AWS::IAM::Policy'))
      .flatMap(([, p]) => p.PolicyDocument.Statement)
      .flatMap((s: any) => [s.Action].flat())
      .filter((a: string) => a.startsWith('kms:'));
    expect(kmsActions).toEqual([]);
  });

  // ELB user guide, "Access logs for your Application Load Balancer" (bucket requirements): the only
  // server-side encryption option supported is SSE-S3; in Regions available before August 2022 the
  // bucket policy grants the Region's Elastic Load Balancing account (us-east-1: 127311923021) s3:PutObject
  // on <prefix>/AWSLogs/<account>/*.
  test('ELB access logs: the bucket is SSE-S3 and its policy lets the Region\'s ELB account write under alb/AWSLogs/<account>/', () => {
    const [bucketId, bucket] = ofType('AWS::S3::Bucket').find(([id]) => id.includes('LoadBalancerLogs'))!;
    expect(bucket.BucketEncryption.ServerSideEncryptionConfiguration).toEqual([{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }]);
    const policy = ofType('AWS::S3::BucketPolicy').find(([, p]) => p.Bucket.Ref === bucketId)![1];
    const write = policy.PolicyDocument.Statement.find((s: any) => JSON.stringify(s.Principal).includes('127311923021'));
    expect(write.Action).toBe('s3:PutObject');
    expect(JSON.stringify(write.Resource)).toContain(`/alb/AWSLogs/${ACCOUNT}/*`);
    expect(loadBalancer.LoadBalancerAttributes).toEqual(expect.arrayContaining([
      { Key: 'access_logs.s3.enabled', Value: 'true' }, { Key: 'access_logs.s3.bucket', Value: ref(bucketId) },
    ]));
  });
});

describe('writable paths on Fargate', () => {
  const task = single('AWS::ECS::TaskDefinition');
  const byName = (name: string) => task.ContainerDefinitions.find((c: any) => c.Name === name);

  // Amazon ECS Developer Guide, "Use bind mounts with Amazon ECS" (docs.aws.amazon.com/AmazonECS/latest/developerguide/bind-mounts.html):
  // a bind-mount volume's permissions default to 0755 with root as owner, so the non-root app user
  // could not write its writable paths. A root init container opens each one (1777) and must finish
  // (dependency condition SUCCESS) before the app starts.
  test('ECS bind mounts: every writable path of the non-root app is made 1777 by an init container that finishes before the app starts', () => {
    const appContainer = byName('app');
    const init = byName('scratch-permissions');
    expect(appContainer.User).toBe('101');
    expect(appContainer.DependsOn).toEqual([{ ContainerName: 'scratch-permissions', Condition: 'SUCCESS' }]);
    expect(init).toMatchObject({ Essential: false, User: '0', ReadonlyRootFilesystem: true });
    expect(init.Command.slice(0, 2)).toEqual(['chmod', '1777']);
    for (const mount of appContainer.MountPoints) {
      const initMount = init.MountPoints.find((m: any) => m.SourceVolume === mount.SourceVolume);
      expect(init.Command).toContain(initMount.ContainerPath);
      expect(initMount.ReadOnly).toBe(false);
    }
    expect(appContainer.MountPoints.map((m: any) => m.ContainerPath)).toEqual(['/tmp']);
  });

  // ECS container definition "memory": the containers' reservations (else hard limits) must fit the task's memory.
  test('ECS task memory: the app and init containers together reserve no more than the task has', () => {
    const reserved = task.ContainerDefinitions.reduce((sum: number, c: any) => sum + (c.MemoryReservation ?? c.Memory), 0);
    expect(reserved).toBeLessThanOrEqual(Number(task.Memory));
  });
});

describe('capacity guardrails', () => {
  const alarms = ofType('AWS::CloudWatch::Alarm').map(([, p]) => p);
  const cluster = ofType('AWS::ECS::Cluster');
  const ecsService = ofType('AWS::ECS::Service');
  const metricsOf = (p: any): any[] => (p.Metrics ?? []).filter((m: any) => m.MetricStat).map((m: any) => m.MetricStat.Metric);

  // Amazon CloudWatch User Guide, "Amazon ECS Container Insights metrics": RunningTaskCount and DesiredTaskCount are
  // published in ECS/ContainerInsights per ClusterName and ServiceName, only for clusters with Container Insights on.
  test('Container Insights metrics: the task-count alarms read RunningTaskCount / DesiredTaskCount of this cluster and service, whose Container Insights is on', () => {
    expect(cluster).toHaveLength(1);
    expect(cluster[0][1].ClusterSettings).toEqual([{ Name: 'containerInsights', Value: 'enabled' }]);
    const taskCountMetrics = [
      ...alarms.filter((p) => p.Namespace === 'ECS/ContainerInsights').map((p) => ({ MetricName: p.MetricName, Dimensions: p.Dimensions })),
      ...alarms.flatMap(metricsOf).filter((m) => m.Namespace === 'ECS/ContainerInsights'),
    ];
    expect(taskCountMetrics.map((m) => m.MetricName).sort()).toEqual(['DesiredTaskCount', 'RunningTaskCount', 'RunningTaskCount']);
    for (const m of taskCountMetrics) {
      expect(m.Dimensions).toEqual(expect.arrayContaining([
        { Name: 'ClusterName', Value: { Ref: cluster[0][0] } },
        { Name: 'ServiceName', Value: { 'Fn::GetAtt': [ecsService[0][0], 'Name'] } },
      ]));
    }
  });

  // Amazon ECS Developer Guide, "AWS Fargate usage metrics": AWS/Usage ResourceCount with Service=Fargate,
  // Type=Resource, Resource=vCPU and Class=Standard/OnDemand (or Standard/Spot) counts the account's running Fargate vCPU.
  // CloudWatch User Guide, "Visualizing your service quotas and setting alarms": SERVICE_QUOTA(m) returns the applied quota of a usage metric.
  test('AWS Fargate usage metrics: the quota alarm divides Fargate On-Demand vCPU usage by SERVICE_QUOTA of the same metric', () => {
    const quota = alarms.find((p) => metricsOf(p).some((m) => m.Namespace === 'AWS/Usage'))!;
    const usage = quota.Metrics.find((m: any) => m.MetricStat);
    expect(usage.MetricStat.Metric).toEqual({
      Namespace: 'AWS/Usage',
      MetricName: 'ResourceCount',
      Dimensions: expect.arrayContaining([
        { Name: 'Service', Value: 'Fargate' }, { Name: 'Type', Value: 'Resource' },
        { Name: 'Resource', Value: 'vCPU' }, { Name: 'Class', Value: 'Standard/OnDemand' },
      ]),
    });
    expect(usage.MetricStat.Metric.Dimensions).toHaveLength(4);
    expect(quota.Metrics.find((m: any) => m.Expression).Expression).toBe(`100 * ${usage.Id} / SERVICE_QUOTA(${usage.Id})`);
  });
});
