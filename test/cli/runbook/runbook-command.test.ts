import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AssemblyStack } from '../../../src/cli/assembly/cloud-assembly';
import { mitigations } from '../../../src/cli/runbook/mitigations';
import { synthReviewApp } from '../review-app';
import { runInProcess } from '../run-cli';

const assemblyDir = synthReviewApp({ validation: false });
const outDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-reliability-runbooks-'));

function stackOf(resources: Record<string, unknown>): AssemblyStack {
  return {
    artifactId: 'Api',
    displayName: 'Api',
    stackName: 'Api',
    environment: 'aws://111111111111/eu-west-1',
    region: 'eu-west-1',
    templateFile: 'Api.template.json',
    template: { Resources: resources as any },
    metadata: {},
    constructPaths: {},
  };
}

describe('cdk-reliability runbook', () => {
  let files: string[];
  let runbook: string;
  let stdout: string;
  beforeAll(async () => {
    const out = outDir();
    const run = await runInProcess(['runbook', assemblyDir, '--out', out]);
    expect(run.code).toBe(0);
    stdout = run.stdout;
    files = fs.readdirSync(path.join(out, 'Review'));
    runbook = fs.readFileSync(path.join(out, 'Review', files[0]), 'utf8');
  });

  test('one file per paging alarm at <stack>/<logical id>.md: the SLO page alarm only', () => {
    expect(files).toEqual([expect.stringMatching(/^CheckoutSlosPageAlarm[0-9A-F]{8}\.md$/)]);
    expect(stdout).toMatch(/the alarm description has no runbook link: set OnCallRouting runbookBaseUrl/);
  });

  test('says what fired and why: SLI, objective, every page pair with its threshold', () => {
    expect(runbook).toContain('- **Objective**: 99.9 % over 30 d (error budget 0.1 % of events).');
    expect(runbook).toContain('| 1 h / 5 min | 14.4× | 1.44 % | 2 % |');
    expect(runbook).toContain('| 6 h / 30 min | 6× | 0.6 % | 5 % |');
    expect(runbook).toContain('the whole 30 d budget is gone in 50 h');
  });

  test('mitigations with the exact commands, physical ids looked up by logical id in the right Region', () => {
    expect(runbook).toContain('SERVICE=$(aws cloudformation describe-stack-resource --stack-name Review --logical-resource-id Service --region eu-west-1 '
      + '--query StackResourceDetail.PhysicalResourceId --output text)');
    expect(runbook).toContain('aws ecs stop-service-deployment --service-deployment-arn "$DEPLOYMENT" --stop-type ROLLBACK --region eu-west-1');
    expect(runbook).toMatch(/TEMPLATE=\$\(aws cloudformation describe-stack-resource --stack-name Review --logical-resource-id StopTasks /);
    expect(runbook).toContain('aws fis stop-experiment --id "$ID" --region eu-west-1');
    // The selection's role is a literal ARN: used as is.
    expect(runbook).toContain('ROLE_ARN=arn:aws:iam::111111111111:role/backup');
    expect(runbook).toContain('aws backup start-restore-job --recovery-point-arn "$RECOVERY_POINT" --iam-role-arn "$ROLE_ARN" --metadata file://restore-metadata.json --region eu-west-1');
    // No autoscaling target: scale out doubles the desired count.
    expect(runbook).toContain('--desired-count $((COUNT * 2))');
    // No zonal shift attribute on any load balancer: no zonal shift.
    expect(runbook).not.toContain('arc-zonal-shift');
  });

  test('zonal shift only for a load balancer with zonal_shift.config.enabled; scale out within the scalable target', () => {
    const found = mitigations([stackOf({
      Lb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { LoadBalancerAttributes: [{ Key: 'zonal_shift.config.enabled', Value: 'true' }] } },
      Other: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { LoadBalancerAttributes: [{ Key: 'zonal_shift.config.enabled', Value: 'false' }] } },
      Cluster: { Type: 'AWS::ECS::Cluster' },
      Svc: { Type: 'AWS::ECS::Service', Properties: { Cluster: { Ref: 'Cluster' } } },
      Target: { Type: 'AWS::ApplicationAutoScaling::ScalableTarget', Properties: { MinCapacity: 3, MaxCapacity: 5, ResourceId: { 'Fn::Join': ['', ['service/', { Ref: 'Cluster' }, '/', { 'Fn::GetAtt': ['Svc', 'Name'] }]] } } },
    })]);
    expect(found.map((m) => m.title)).toEqual([
      'Roll back the ECS deployment of Api/Svc',
      'Shift traffic away from an Availability Zone at Api/Lb (ARC zonal shift)',
      'Scale out Api/Svc (raise its minimum from 3 to 5)',
    ]);
    expect(found[1].commands[2]).toBe('aws arc-zonal-shift start-zonal-shift --resource-identifier "$LOAD_BALANCER" --away-from "$ZONE_ID" --expires-in 1h '
      + '--comment "incident: shift away from $IMPAIRED_ZONE" --region eu-west-1');
  });

  test('a vault without a backup plan in its stack: the account\'s default AWS Backup role', () => {
    const [restore] = mitigations([stackOf({ Vault: { Type: 'AWS::Backup::BackupVault' } })]);
    expect(restore.commands).toContain('ROLE_ARN=arn:aws:iam::111111111111:role/service-role/AWSBackupDefaultServiceRole');
  });
});
