import { Duration } from 'aws-cdk-lib';

/** How new task sets replace old ones. */
export enum ServiceDeploymentKind {
  /** ECS rolling update behind one target group. */
  ROLLING = 'ROLLING',
  /** ECS native blue/green: a second (alternate) target group and a test listener. */
  BLUE_GREEN = 'BLUE_GREEN',
}

/** Options of a blue/green deployment. */
export interface BlueGreenDeploymentOptions {
  /**
   * How long ECS keeps the old (blue) tasks after traffic moved, ready for an instant rollback.
   * Deployment alarms are watched during this time too.
   *
   * @default Duration.minutes(5)
   */
  readonly bakeTime?: Duration;

  /**
   * Port of the test listener that reaches the new (green) tasks before production traffic does.
   * It is closed to the internet: only sources you allow on the load balancer's security group reach it.
   *
   * @default 8443 with a certificate, 8080 without
   */
  readonly testListenerPort?: number;
}

/**
 * The deployment strategy of a ReliableService (enum-like class, jsii-friendly).
 *
 * ```ts
 * ServiceDeploymentStrategy.rolling();
 * ServiceDeploymentStrategy.blueGreen({ bakeTime: Duration.minutes(10) });
 * ```
 */
export class ServiceDeploymentStrategy {
  /** Rolling update: minHealthyPercent 100, maxHealthyPercent 200, circuit breaker with rollback. */
  public static rolling(): ServiceDeploymentStrategy {
    return new ServiceDeploymentStrategy(ServiceDeploymentKind.ROLLING);
  }

  /** ECS native blue/green with an alternate target group and a test listener. */
  public static blueGreen(options: BlueGreenDeploymentOptions = {}): ServiceDeploymentStrategy {
    return new ServiceDeploymentStrategy(
      ServiceDeploymentKind.BLUE_GREEN,
      options.bakeTime ?? Duration.minutes(5),
      options.testListenerPort,
    );
  }

  private constructor(
    /** Which strategy this is. */
    public readonly kind: ServiceDeploymentKind,
    /** Bake time of a blue/green deployment; undefined for rolling updates. */
    public readonly bakeTime?: Duration,
    /** Test listener port of a blue/green deployment; undefined means the default for the protocol. */
    public readonly testListenerPort?: number,
  ) {}
}
