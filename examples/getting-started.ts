import { App, Stack, Validations, aws_certificatemanager as acm, aws_cloudwatch_actions as actions, aws_ecs as ecs, aws_sns as sns } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ReliabilityChecks, ReliableService } from '../src';

const app = new App();
// Every finding of these packs is printed by `cdk synth`; an error-level one fails it.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ReliabilityChecks(app));

// Use your account and Region: the first `cdk synth` looks up their Availability Zones.
const stack = new Stack(app, 'Hello', { env: { account: '111111111111', region: 'us-east-1' } });

new ReliableService(stack, 'Web', {
  // Any image that runs as a non-root user, answers on healthCheckPath and writes only to writablePaths.
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:1.27'),
  containerPort: 8080,
  healthCheckPath: '/',
  user: '101',
  writablePaths: ['/tmp', '/var/cache/nginx'],
  // An ACM certificate of a domain you own, in the stack's Region.
  certificate: acm.Certificate.fromCertificateArn(stack, 'Certificate',
    'arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555'),
  // Who is paged when the SLO burns fast, who gets a ticket when it burns slowly.
  alarmActions: {
    page: [new actions.SnsAction(sns.Topic.fromTopicArn(stack, 'Pages', 'arn:aws:sns:us-east-1:111111111111:pages'))],
    ticket: [new actions.SnsAction(sns.Topic.fromTopicArn(stack, 'Tickets', 'arn:aws:sns:us-east-1:111111111111:tickets'))],
  },
});

app.synth();
