/** What moves traffic during a blue/green rollout. */
export enum DeploymentEngine {
  /**
   * ECS itself (deployment controller `ECS`, strategy `BLUE_GREEN` / `CANARY` / `LINEAR`):
   * no extra service, deployment alarms and lifecycle hooks on the ECS service.
   */
  ECS_NATIVE = 'ECS_NATIVE',
  /**
   * AWS CodeDeploy (deployment controller `CODE_DEPLOY`): an `EcsDeploymentGroup` with
   * alarms and automatic rollback, for teams that already run CodeDeploy.
   */
  CODE_DEPLOY = 'CODE_DEPLOY',
}
