// A new user's first app, written from the README: what `scripts/consumer-smoke/main.ts` installs
// the packed cdk-reliability into and synthesizes. It imports the package by name, never the repository.
import { App, Duration, Stack, Validations, aws_certificatemanager as acm, aws_cloudwatch as cloudwatch,
  aws_cloudwatch_actions as actions, aws_ecr as ecr, aws_ecs as ecs, aws_sns as sns } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import {
  BlueGreenPipeline, PipelineSource, ReliabilityChecks, ReliableService, ServiceDeploymentStrategy,
  ServiceLevelObjective, SloAlarmSet,
} from 'cdk-reliability';

const app = new App();
Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ReliabilityChecks(app));

// The Availability Zone lookup of this account and Region is cached in cdk.context.json: no AWS account needed.
const stack = new Stack(app, 'Consumer', { env: { account: '111111111111', region: 'us-east-1' } });
// Existing resources, imported as the README does: the app creates nothing of its own.
const pages = sns.Topic.fromTopicArn(stack, 'Pages', 'arn:aws:sns:us-east-1:111111111111:pages');
const tickets = sns.Topic.fromTopicArn(stack, 'Tickets', 'arn:aws:sns:us-east-1:111111111111:tickets');
const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert',
  'arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555');

// Minimal props plus what the README's ReliableService example says an off-the-shelf image needs.
const api = new ReliableService(stack, 'Api', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:1.27'),
  containerPort: 8080,
  healthCheckPath: '/',
  user: '101',
  writablePaths: ['/tmp', '/var/cache/nginx'],
  certificate,
  alarmActions: { page: [new actions.SnsAction(pages)], ticket: [new actions.SnsAction(tickets)] },
  deploymentStrategy: ServiceDeploymentStrategy.blueGreen(),
});

// A business SLO of the user's own metrics, next to the service's built-in ones.
new SloAlarmSet(stack, 'OrderSlos', {
  serviceName: 'orders',
  slos: [ServiceLevelObjective.availability({
    name: 'Orders',
    objectivePercent: 99.9,
    badEvents: new cloudwatch.Metric({ namespace: 'Orders', metricName: 'Failed', period: Duration.minutes(1) }),
    validEvents: new cloudwatch.Metric({ namespace: 'Orders', metricName: 'Placed', period: Duration.minutes(1) }),
  })],
  pageActions: [new actions.SnsAction(pages)],
  ticketActions: [new actions.SnsAction(tickets)],
});

// Blue/green releases of the service: this brings the library's own pre-traffic check Lambda.
new BlueGreenPipeline(stack, 'Pipeline', {
  source: PipelineSource.ecr({ repository: ecr.Repository.fromRepositoryName(stack, 'Repo', 'api'), tag: 'release' }),
  stages: [BlueGreenPipeline.reliableServiceStage(api, { stageName: 'Prod' })],
});

app.synth();
