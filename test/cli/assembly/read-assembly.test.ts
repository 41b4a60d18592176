import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readCloudAssembly } from '../../../src/cli/assembly/read-assembly';

function write(dir: string, files: Record<string, unknown>): string {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), JSON.stringify(content));
  }
  return dir;
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-reliability-asm-'));

describe('readCloudAssembly', () => {
  test('stacks of the root and of nested assemblies (stages), metadata from the manifest and the metadata file', () => {
    const dir = write(tmp(), {
      'manifest.json': {
        artifacts: {
          'Root': {
            type: 'aws:cloudformation:stack',
            environment: 'aws://111111111111/us-east-1',
            displayName: 'RootStack',
            properties: { templateFile: 'Root.template.json' },
            additionalMetadataFile: 'Root.metadata.json',
            metadata: { '/Root/Inline': [{ type: 'aws:cdk:logicalId', data: 'Inline1' }] },
          },
          'assembly-Prod': { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Prod' } },
          'Tree': { type: 'cdk:tree', properties: { file: 'tree.json' } },
        },
      },
      'Root.template.json': { Resources: { Bucket1: { Type: 'AWS::S3::Bucket', Metadata: { 'aws:cdk:path': 'Root/Bucket/Resource' } } } },
      'Root.metadata.json': { '/Root/Queue/Resource': [{ type: 'aws:cdk:logicalId', data: 'Queue1' }, { type: 'aws:cdk:acknowledged-rules', data: { X: 'y' } }] },
      'assembly-Prod/manifest.json': {
        artifacts: { 'Prod-App': { type: 'aws:cloudformation:stack', environment: 'aws://unknown-account/unknown-region', properties: { templateFile: 'Prod-App.template.json' } } },
      },
      'assembly-Prod/Prod-App.template.json': { Resources: {} },
    });
    const assembly = readCloudAssembly(dir);
    expect(assembly.stacks.map((s) => [s.artifactId, s.displayName, s.region])).toEqual([
      ['Root', 'RootStack', 'us-east-1'],
      ['Prod-App', 'Prod-App', undefined],
    ]);
    expect(assembly.stacks[0].constructPaths).toEqual({ Inline1: 'Root/Inline', Queue1: 'Root/Queue/Resource', Bucket1: 'Root/Bucket/Resource' });
    expect(assembly.stacks[0].metadata['/Root/Queue/Resource']).toContainEqual({ type: 'aws:cdk:acknowledged-rules', data: { X: 'y' } });
    expect(assembly.validationReport).toBeUndefined();
  });

  test('both validation report schemas: pluginName, and the legacy summary.pluginName', () => {
    const dir = write(tmp(), {
      'manifest.json': { artifacts: {} },
      'validation-report.json': {
        pluginReports: [
          { pluginName: 'AwsSolutions', violations: [] },
          { summary: { pluginName: 'Legacy', status: 'failure' }, violations: [{ ruleName: 'R' }] },
        ],
      },
    });
    expect(readCloudAssembly(dir).validationReport!.pluginReports.map((r) => r.pluginName)).toEqual(['AwsSolutions', 'Legacy']);
  });

  test('a validation report without pluginReports is malformed', () => {
    const dir = write(tmp(), { 'manifest.json': { artifacts: {} }, 'validation-report.json': { title: 'x' } });
    expect(() => readCloudAssembly(dir)).toThrow(`Validation report ${path.join(dir, 'validation-report.json')} has no pluginReports array`);
  });

  test('a manifest that is not an object, and a missing template', () => {
    const dir = write(tmp(), { 'manifest.json': [1, 2] });
    expect(() => readCloudAssembly(dir)).toThrow('is not a JSON object');
    write(dir, { 'manifest.json': { artifacts: { S: { type: 'aws:cloudformation:stack', properties: { templateFile: 'S.template.json' } } } } });
    expect(() => readCloudAssembly(dir)).toThrow(`Template of stack S not found: ${path.join(dir, 'S.template.json')}`);
  });
});
