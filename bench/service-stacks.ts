import { Stack, aws_certificatemanager as acm, aws_ec2 as ec2, aws_ecs as ecs, aws_ecs_patterns as patterns } from 'aws-cdk-lib';
import type { ReliableService } from '../src/service';

/** The account and Region of every benchmark stack (ReliableService needs a Region at synth). */
export const BENCH_ENV = { account: '111111111111', region: 'us-east-1' };

const CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555';
const IMAGE = 'public.ecr.aws/nginx/nginx-unprivileged:1.27';
const CONTAINER_PORT = 8080;

function certificate(stack: Stack): acm.ICertificate {
  return acm.Certificate.fromCertificateArn(stack, 'Certificate', CERTIFICATE_ARN);
}

/**
 * The plain ApplicationLoadBalancedFargateService a team would write for the same service: same
 * image, port, size, task count, HTTPS certificate and redirect, and a new VPC across the same 3 AZs
 * ReliableService spans by default (the pattern's own default VPC has 2).
 */
export function addPlainService(stack: Stack): void {
  new patterns.ApplicationLoadBalancedFargateService(stack, 'Service', {
    vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 3 }),
    taskImageOptions: { image: ecs.ContainerImage.fromRegistry(IMAGE), containerPort: CONTAINER_PORT },
    cpu: 512,
    memoryLimitMiB: 1024,
    desiredCount: 3,
    certificate: certificate(stack),
    redirectHTTP: true,
    publicLoadBalancer: true,
    minHealthyPercent: 100,
  });
}

/**
 * ReliableService with its defaults and the same image, port and certificate. The class is a
 * parameter so that a benchmark can load it from the compiled `lib/` or from `src/`.
 */
export function addReliableService(stack: Stack, reliableService: typeof ReliableService): void {
  new reliableService(stack, 'Service', {
    image: ecs.ContainerImage.fromRegistry(IMAGE),
    containerPort: CONTAINER_PORT,
    // Required (no silent '/health'); nginx serves '/', as the plain pattern's default checks.
    healthCheckPath: '/',
    certificate: certificate(stack),
  });
}
