import { App, Stack, aws_ecs as ecs, aws_logs as logs } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { addScratchVolumes, SCRATCH_INIT_CONTAINER_NAME, SCRATCH_INIT_IMAGE } from '../../src/service/scratch-volumes';

function taskWith(paths: string[]) {
  const stack = new Stack(new App(), 'S');
  const taskDefinition = new ecs.FargateTaskDefinition(stack, 'Task');
  const app = taskDefinition.addContainer('app', { image: ecs.ContainerImage.fromRegistry('app'), user: '1000', readonlyRootFilesystem: true });
  const init = addScratchVolumes(taskDefinition, app, paths, new logs.LogGroup(stack, 'Logs'));
  return { init, containers: Template.fromStack(stack).findResources('AWS::ECS::TaskDefinition') };
}

describe('addScratchVolumes', () => {
  test('one volume per path, mounted in the app at the path and in the init container under /scratch', () => {
    const { containers } = taskWith(['/tmp', '/var/cache/nginx']);
    const task = Object.values(containers)[0].Properties;
    expect(task.Volumes).toEqual([{ Name: 'scratch-0' }, { Name: 'scratch-1' }]);
    const [app, init] = task.ContainerDefinitions;
    expect(app.MountPoints).toEqual([
      { ContainerPath: '/tmp', ReadOnly: false, SourceVolume: 'scratch-0' },
      { ContainerPath: '/var/cache/nginx', ReadOnly: false, SourceVolume: 'scratch-1' },
    ]);
    expect(init).toMatchObject({
      Name: SCRATCH_INIT_CONTAINER_NAME,
      Image: SCRATCH_INIT_IMAGE,
      Command: ['chmod', '1777', '/scratch/0', '/scratch/1'],
      MountPoints: [
        { ContainerPath: '/scratch/0', ReadOnly: false, SourceVolume: 'scratch-0' },
        { ContainerPath: '/scratch/1', ReadOnly: false, SourceVolume: 'scratch-1' },
      ],
    });
    expect(init.LogConfiguration.LogDriver).toBe('awslogs');
  });

  test('no writable path, no volume and no init container', () => {
    const { init, containers } = taskWith([]);
    expect(init).toBeUndefined();
    const task = Object.values(containers)[0].Properties;
    expect(task.ContainerDefinitions.map((c: any) => c.Name)).toEqual(['app']);
    expect(task.Volumes).toBeUndefined();
  });

  test('the image is pinned to a version, never latest', () => {
    expect(SCRATCH_INIT_IMAGE).toMatch(/:\d+\.\d+\.\d+$/);
  });
});
