import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AssemblyStack } from '../../../src/cli/assembly/cloud-assembly';
import { deploymentKind, isAccessDenied } from '../../../src/cli/postmortem/changes';
import { collectEcsDeployments, templateServices } from '../../../src/cli/postmortem/ecs-deployments';
import { tagsMatch, templateExperiments } from '../../../src/cli/postmortem/fis-experiments';
import { startFakeCloudWatch } from '../fake-cloudwatch';
import { LATENCY_ALARM_NAME, METRICS_T0, synthReviewApp } from '../review-app';
import { runInProcess } from '../run-cli';

const T0 = METRICS_T0;
const s = (minutes: number) => (T0 + minutes * 60_000) / 1000;
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const FROM = at(5);
const TO = at(20);
const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-reliability-pm-'));
const assemblyDir = synthReviewApp({ validation: false });

const history = [[10, 'ALARM'], [15, 'OK']].map(([minute, state]) => ({
  AlarmName: LATENCY_ALARM_NAME,
  AlarmType: 'MetricAlarm',
  Timestamp: s(minute as number),
  HistoryItemType: 'StateUpdate',
  HistorySummary: 'Alarm updated',
  HistoryData: JSON.stringify({ newState: { stateValue: state } }),
}));
const arn = (id: string) => `arn:aws:ecs:eu-west-1:111111111111:service-deployment/default/checkout/${id}`;

async function postmortem(options: Parameters<typeof startFakeCloudWatch>[0]) {
  const fake = await startFakeCloudWatch({ alarmHistory: history, ...options });
  const out = tmpDir();
  try {
    const run = await runInProcess(['postmortem', assemblyDir, '--from', FROM, '--to', TO, '--region', 'eu-west-1', '--out', out, '--json'],
      { client: () => fake.client(), ecsClient: () => fake.ecsClient(), fisClient: () => fake.fisClient() });
    return { run, json: JSON.parse(run.stdout || '{}'), md: fs.readFileSync(path.join(out, 'postmortem.md'), 'utf8'), html: fs.readFileSync(path.join(out, 'postmortem.html'), 'utf8'), calls: fake.calls };
  } finally {
    await fake.close();
  }
}

describe('postmortem --region: deployments, rollbacks and experiments (ECS and FIS on the local endpoint)', () => {
  let result: Awaited<ReturnType<typeof postmortem>>;
  beforeAll(async () => {
    result = await postmortem({
      changesPageSize: 1,
      serviceDeployments: [
        { service: 'checkout', serviceDeploymentArn: arn('d1'), createdAt: s(6), startedAt: s(6), finishedAt: s(8), status: 'SUCCESSFUL' },
        { service: 'checkout', serviceDeploymentArn: arn('d2'), createdAt: s(9), startedAt: s(9), finishedAt: s(14), status: 'ROLLBACK_SUCCESSFUL' },
        { service: 'checkout', serviceDeploymentArn: arn('late'), createdAt: s(30), startedAt: s(30), status: 'IN_PROGRESS' },
        { service: 'cart', serviceDeploymentArn: arn('cart'), createdAt: s(7), startedAt: s(7), status: 'SUCCESSFUL' },
      ],
      experimentTemplates: [
        { id: 'EXTother', tags: { Name: 'someone-else' }, creationTime: s(-600), lastUpdateTime: s(-600) },
        { id: 'EXTstop', tags: { Name: 'stop-tasks' }, creationTime: s(-600), lastUpdateTime: s(-600) },
      ],
      experiments: [
        { id: 'EXPlate', experimentTemplateId: 'EXTstop', creationTime: s(40), state: { status: 'completed' } },
        { id: 'EXPother', experimentTemplateId: 'EXTother', creationTime: s(12), state: { status: 'completed' } },
        { id: 'EXPstop', experimentTemplateId: 'EXTstop', creationTime: s(11), state: { status: 'stopped', reason: 'stop condition' } },
      ],
    });
  });

  test('the JSON lists the deployment, the rollback and the template\'s experiment in the window, in time order', () => {
    // AWS FIS API Reference, ListExperiments: paginated; a summary has experimentTemplateId, state and creationTime, no end time.
    expect(result.run.stderr).toBe('');
    expect(result.run.code).toBe(0);
    expect(result.json.changes).toEqual([
      { kind: 'deployment', stack: 'Review', logicalId: 'Service', id: arn('d1'), status: 'SUCCESSFUL', startedAt: at(6), endedAt: at(8) },
      { kind: 'rollback', stack: 'Review', logicalId: 'Service', id: arn('d2'), status: 'ROLLBACK_SUCCESSFUL', startedAt: at(9), endedAt: at(14) },
      { kind: 'experiment', stack: 'Review', logicalId: 'StopTasks', id: 'EXPstop', status: 'stopped', startedAt: at(11), endedAt: null },
    ]);
    expect(result.json.warnings).toEqual([]);
    // The contract's fields are unchanged next to the new list.
    expect(Object.keys(result.json)).toEqual(expect.arrayContaining(['window', 'slos', 'alarms']));
  });

  test('ListServiceDeployments: the service and window on the wire (epoch seconds), every page', () => {
    const ecs = result.calls.filter((c) => c.target === 'AmazonEC2ContainerServiceV20141113.ListServiceDeployments');
    expect(ecs.map((c) => c.contentType)).toEqual(['application/x-amz-json-1.1', 'application/x-amz-json-1.1']);
    // ECS API Reference, ListServiceDeployments: createdAt filters on the creation time; the default cluster when cluster is omitted.
    expect(ecs[0].body).toEqual({ service: 'checkout', createdAt: { after: s(5), before: s(20) } });
    expect(ecs[1].body.nextToken).toBe('1');
    const fis = result.calls.filter((c) => c.target.startsWith('GET /experiment'));
    expect(fis.map((c) => c.target)).toEqual([
      'GET /experimentTemplates', 'GET /experimentTemplates?nextToken=1',
      'GET /experiments', 'GET /experiments?nextToken=1', 'GET /experiments?nextToken=2',
    ]);
  });

  test('the Markdown and HTML timelines interleave the changes with the alarm\'s state changes by time', () => {
    const rows = result.md.split('\n').filter((l) => /^\| 2026-/.test(l));
    expect(rows).toEqual([
      `| ${at(6)} | Review/Service (${arn('d1')}) | deployment started: SUCCESSFUL, ended ${at(8)} |`,
      `| ${at(9)} | Review/Service (${arn('d2')}) | rollback started: ROLLBACK\\_SUCCESSFUL, ended ${at(14)} |`,
      `| ${at(10)} | Review/${LATENCY_ALARM_NAME} | ALARM |`,
      `| ${at(11)} | Review/StopTasks (EXPstop) | experiment started: stopped |`,
      `| ${at(15)} | Review/${LATENCY_ALARM_NAME} | OK |`,
    ]);
    const html = result.html;
    expect(html.indexOf(`<td>${at(9)}</td><td>Review/Service (${arn('d2')})</td><td>rollback started: ROLLBACK_SUCCESSFUL, ended ${at(14)}</td>`))
      .toBeGreaterThan(html.indexOf(`<td>${at(6)}</td>`));
    expect(html.indexOf(`<td>${at(11)}</td><td>Review/StopTasks (EXPstop)</td>`)).toBeGreaterThan(html.indexOf(`<td>${at(10)}</td>`));
  });
});

describe('postmortem --region when ECS and FIS refuse the calls', () => {
  test('AccessDenied: not collected, naming the missing permission; the rest of the draft is written', async () => {
    const { run, json, md } = await postmortem({ denyEcs: true, denyFis: true });
    expect(run.code).toBe(0);
    expect(json.changes).toEqual([]);
    expect(json.notCollected).toEqual([
      expect.stringMatching(/^ECS deployments and rollbacks: not collected, AWS refused the call \(AccessDeniedException: .*\); the caller needs the IAM permission ecs:ListServiceDeployments\.$/),
      expect.stringMatching(/^FIS experiments: not collected, .*the caller needs the IAM permission fis:ListExperimentTemplates\.$/),
      expect.stringMatching(/CodePipeline/),
    ]);
    expect(md).toContain('IAM permission ecs:ListServiceDeployments');
    expect(json.alarms).toHaveLength(1);
  });
});

describe('reading the template', () => {
  const stack = (resources: Record<string, unknown>): AssemblyStack => ({
    artifactId: 'S',
    displayName: 'S',
    stackName: 'S',
    templateFile: 'S.template.json',
    metadata: {},
    constructPaths: {},
    template: { Resources: resources } as AssemblyStack['template'],
  });

  test('ECS service names: literal, cluster by reference, default cluster, generated', () => {
    // AWS::ECS::Service Cluster: "If you do not specify a cluster, the default cluster is assumed."
    const services = templateServices([stack({
      Literal: { Type: 'AWS::ECS::Service', Properties: { ServiceName: 'a', Cluster: 'prod' } },
      ByRef: { Type: 'AWS::ECS::Service', Properties: { ServiceName: 'b', Cluster: { Ref: 'Cluster' } } },
      Default: { Type: 'AWS::ECS::Service', Properties: { ServiceName: 'c' } },
      Generated: { Type: 'AWS::ECS::Service', Properties: { Cluster: { Ref: 'Unnamed' } } },
      Cluster: { Type: 'AWS::ECS::Cluster', Properties: { ClusterName: 'shared' } },
      Unnamed: { Type: 'AWS::ECS::Cluster', Properties: {} },
    })]);
    expect(services.map(({ logicalId, serviceName, clusterName, clusterKnown }) => ({ logicalId, serviceName, clusterName, clusterKnown }))).toEqual([
      { logicalId: 'Literal', serviceName: 'a', clusterName: 'prod', clusterKnown: true },
      { logicalId: 'ByRef', serviceName: 'b', clusterName: 'shared', clusterKnown: true },
      { logicalId: 'Default', serviceName: 'c', clusterName: undefined, clusterKnown: true },
      { logicalId: 'Generated', serviceName: undefined, clusterName: undefined, clusterKnown: false },
    ]);
  });

  test('a service whose names are generated and no deployed alarm names: a warning, no call, no guess', async () => {
    const fake = await startFakeCloudWatch({});
    try {
      const result = await collectEcsDeployments(fake.ecsClient(), fake.client(), [stack({ Svc: { Type: 'AWS::ECS::Service', Properties: {} } })], T0, T0 + 60_000);
      expect(result.changes).toEqual([]);
      expect(result.warnings).toEqual([expect.stringMatching(/^ECS service S\/Svc: deployments not read: its service or cluster name is generated at deploy/)]);
      expect(fake.calls).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  test('FIS template tags, rollbacks by status, access denied by name or HTTP 403', () => {
    expect(templateExperiments([stack({
      Tagged: { Type: 'AWS::FIS::ExperimentTemplate', Properties: { Tags: { Name: 'x' } } },
      TokenTag: { Type: 'AWS::FIS::ExperimentTemplate', Properties: { Tags: { Name: { Ref: 'AWS::StackName' } } } },
      Untagged: { Type: 'AWS::FIS::ExperimentTemplate', Properties: {} },
    })]).map((t) => t.tags)).toEqual([{ Name: 'x' }, undefined, undefined]);
    expect(tagsMatch({ Name: 'x' }, { Name: 'x', team: 'y' })).toBe(true);
    expect(tagsMatch({ Name: 'x' }, undefined)).toBe(false);
    // Amazon ECS Developer Guide, View service history using Amazon ECS service deployments: the ROLLBACK_* states.
    expect(['ROLLBACK_FAILED', 'ROLLBACK_IN_PROGRESS', 'SUCCESSFUL', 'STOPPED'].map(deploymentKind)).toEqual(['rollback', 'rollback', 'deployment', 'deployment']);
    expect(isAccessDenied(Object.assign(new Error('no'), { name: 'AccessDeniedException' }))).toBe(true);
    expect(isAccessDenied(Object.assign(new Error('no'), { name: 'ServiceException', $metadata: { httpStatusCode: 403 } }))).toBe(true);
    expect(isAccessDenied(Object.assign(new Error('slow'), { name: 'ThrottlingException' }))).toBe(false);
  });
});
