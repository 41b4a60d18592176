import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { IMAGE_FROM_ECR_SOURCE, WRITE_CODEDEPLOY_FILES, WRITE_IMAGE_DEFINITIONS } from '../../src/deploy/build-commands';

/** Runs the build commands with bash in a scratch folder, as CodeBuild would, with `extraPath` first on PATH. */
function runInBuild(commands: string[], env: Record<string, string>, files: Record<string, string> = {}, extraPath?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bgp-build-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  execFileSync('bash', ['-euo', 'pipefail', '-c', commands.join('\n')], {
    cwd: dir,
    env: { ...process.env, ...env, PATH: `${extraPath ? `${extraPath}:` : ''}${process.env.PATH}` },
  });
  return dir;
}

describe('build commands', () => {
  test('the ECR source build writes one image definitions file per stage, pinned by digest', () => {
    const uri = '111111111111.dkr.ecr.eu-west-1.amazonaws.com/checkout@sha256:abc';
    const dir = runInBuild([...IMAGE_FROM_ECR_SOURCE, WRITE_IMAGE_DEFINITIONS], {
      IMAGE_FILES: JSON.stringify([
        { fileName: 'imagedefinitions-Beta.json', containerName: 'app' },
        { fileName: 'imagedefinitions-Prod.json', containerName: "we'ird \"name\"" },
      ]),
    }, { 'imageDetail.json': JSON.stringify({ ImageURI: uri, ImageTags: ['release'] }) });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'imagedefinitions-Beta.json'), 'utf8'))).toEqual([{ name: 'app', imageUri: uri }]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'imagedefinitions-Prod.json'), 'utf8'))).toEqual([{ name: "we'ird \"name\"", imageUri: uri }]);
  });

  test('the CodeDeploy files copy the current task definition with the image placeholder', () => {
    // A stand-in `aws` CLI that answers describe-task-definition like ECS does.
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'bgp-bin-'));
    fs.writeFileSync(path.join(bin, 'aws'), `#!/bin/bash\necho '${JSON.stringify({
      taskDefinitionArn: 'arn:td:1',
      revision: 1,
      status: 'ACTIVE',
      family: 'checkout',
      containerDefinitions: [{ name: 'app', image: 'old' }, { name: 'sidecar', image: 'envoy' }],
    })}'\n`, { mode: 0o755 });
    const dir = runInBuild([WRITE_CODEDEPLOY_FILES], {
      CODEDEPLOY_FILES: JSON.stringify([{
        taskDefinitionFile: 'taskdef-Prod.json', appSpecFile: 'appspec-Prod.yaml', taskDefinitionArn: 'arn:td:1', containerName: 'app', containerPort: 8080,
      }]),
    }, {}, bin);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'taskdef-Prod.json'), 'utf8'))).toEqual({
      family: 'checkout', containerDefinitions: [{ name: 'app', image: '<IMAGE1_NAME>' }, { name: 'sidecar', image: 'envoy' }],
    });
    expect(fs.readFileSync(path.join(dir, 'appspec-Prod.yaml'), 'utf8')).toBe([
      'version: 0.0', 'Resources:', '  - TargetService:', '      Type: AWS::ECS::Service', '      Properties:',
      '        TaskDefinition: <TASK_DEFINITION>', '        LoadBalancerInfo:', '          ContainerName: "app"', '          ContainerPort: 8080', '',
    ].join('\n'));
  });
});
