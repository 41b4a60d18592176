/** A deployment, rollback or FIS experiment in the incident window, in the JSON contract's shape. */
export interface ChangeEvent {
  readonly kind: 'deployment' | 'rollback' | 'experiment';
  /** The stack and logical id of the template resource, null when the experiment's template is not in the assembly. */
  readonly stack: string | null;
  readonly logicalId: string | null;
  /** The service deployment ARN or the experiment id. */
  readonly id: string;
  readonly status: string;
  readonly startedAt: string;
  /** Null while running, or when the API does not say (ListExperiments gives the creation time only). */
  readonly endedAt: string | null;
}

/** What one collector read: its events, what it could not read, and its caveats. */
export interface CollectedChanges {
  readonly changes: ChangeEvent[];
  readonly notCollected: string[];
  readonly warnings: string[];
}

/**
 * ECS service deployment statuses that are a rollback (ECS API Reference, ServiceDeploymentBrief:
 * ROLLBACK_REQUESTED, ROLLBACK_IN_PROGRESS, ROLLBACK_SUCCESSFUL, ROLLBACK_FAILED).
 */
export function deploymentKind(status: string): 'deployment' | 'rollback' {
  return status.startsWith('ROLLBACK_') ? 'rollback' : 'deployment';
}

/** Events in time order (start, then id for a stable order). */
export function sortChanges(changes: readonly ChangeEvent[]): ChangeEvent[] {
  return [...changes].sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
}

/**
 * Whether an SDK error is AWS refusing the call for a missing permission. Matched on `name`, as
 * the setup errors are: the error classes come from @smithy copies that vary between clients.
 */
export function isAccessDenied(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return /^(AccessDenied|AccessDeniedException|UnauthorizedOperation)$/.test(error.name)
    || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 403;
}

/** The draft's line for a call refused for a missing permission. */
export function accessDeniedNote(what: string, permission: string, error: Error): string {
  return `${what}: not collected, AWS refused the call (${error.name}: ${error.message}); the caller needs the IAM permission ${permission}.`;
}
