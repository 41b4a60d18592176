import { aws_ecs as ecs, aws_logs as logs } from 'aws-cdk-lib';
import { declareHelperContainer } from './helper-container-acknowledgements';

/**
 * A small image that has `chmod`, pinned so that every task of a deployment runs the same bits.
 * Pulled anonymously from Amazon ECR Public through the task subnets' NAT gateway, like the app image.
 */
export const SCRATCH_INIT_IMAGE = 'public.ecr.aws/docker/library/busybox:1.37.0';

/** Name of the init container in the task definition. */
export const SCRATCH_INIT_CONTAINER_NAME = 'scratch-permissions';

/**
 * Memory of the init container, taken from the app container's share: ECS refuses a task whose
 * containers reserve more than the task has, and `chmod` needs a few MiB for a fraction of a second.
 */
export const SCRATCH_INIT_MEMORY_MIB = 16;

/** Where the init container mounts scratch volume `index` (its own root filesystem stays read-only). */
function initMountPath(index: number): string {
  return `/scratch/${index}`;
}

/**
 * Mounts one fresh task volume at each of `paths` in `app`, writable by the app's non-root user.
 *
 * On Fargate a bind-mount volume starts empty, owned by root with mode 0755 (Amazon ECS Developer
 * Guide, "Use bind mounts with Amazon ECS"), so a non-root user cannot write to it unless the image
 * declares the path with `VOLUME`. A non-essential init container running as root makes each
 * volume world-writable with the sticky bit (mode 1777, as `/tmp` is on Linux) and exits; the app
 * container starts only after it succeeded (container dependency `SUCCESS`). Only this task's
 * containers mount the volumes, so 1777 opens them to nobody else.
 */
export function addScratchVolumes(
  taskDefinition: ecs.TaskDefinition, app: ecs.ContainerDefinition, paths: readonly string[], logGroup: logs.ILogGroup,
): ecs.ContainerDefinition | undefined {
  if (paths.length === 0) return undefined;
  const init = taskDefinition.addContainer(SCRATCH_INIT_CONTAINER_NAME, {
    image: ecs.ContainerImage.fromRegistry(SCRATCH_INIT_IMAGE),
    essential: false,
    user: '0',
    readonlyRootFilesystem: true,
    command: ['chmod', '1777', ...paths.map((_, index) => initMountPath(index))],
    memoryLimitMiB: SCRATCH_INIT_MEMORY_MIB,
    logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: SCRATCH_INIT_CONTAINER_NAME }),
  });
  paths.forEach((containerPath, index) => {
    const sourceVolume = `scratch-${index}`;
    taskDefinition.addVolume({ name: sourceVolume });
    app.addMountPoints({ containerPath, sourceVolume, readOnly: false });
    init.addMountPoints({ containerPath: initMountPath(index), sourceVolume, readOnly: false });
  });
  app.addContainerDependencies({ container: init, condition: ecs.ContainerDependencyCondition.SUCCESS });
  declareHelperContainer(taskDefinition, {
    name: SCRATCH_INIT_CONTAINER_NAME,
    rootReason: `The non-essential ${SCRATCH_INIT_CONTAINER_NAME} init container runs as root only to chmod 1777 the task's `
      + 'scratch volumes, which Fargate creates owned by root with mode 0755 (ECS bind mounts guide), then exits before the '
      + 'app container starts; it has a read-only root filesystem and no port',
  });
  return init;
}
