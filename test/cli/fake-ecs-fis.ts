/**
 * The ECS and FIS operations the postmortem reads, as the local endpoint of fake-cloudwatch.ts answers
 * them to the real SDK clients:
 * - ECS, AWS JSON 1.1 (`X-Amz-Target: AmazonEC2ContainerServiceV20141113.ListServiceDeployments`, timestamps in
 *   epoch seconds, `createdAt: { after, before }`, `nextToken`), errors as `{ "__type": ... }` with status 400;
 * - FIS, REST-JSON (`GET /experimentTemplates`, `GET /experiments`, `?nextToken=`), errors with status 403 and
 *   the `x-amzn-errortype` header.
 */

export interface FakeEcsFisOptions {
  /** ServiceDeploymentBrief items (timestamps in epoch seconds), with the `service` and `cluster` they belong to. */
  readonly serviceDeployments?: Array<Record<string, unknown> & { service: string; cluster?: string }>;
  /** ExperimentTemplateSummary items. */
  readonly experimentTemplates?: Array<Record<string, unknown>>;
  /** ExperimentSummary items (creationTime in epoch seconds). */
  readonly experiments?: Array<Record<string, unknown>>;
  /** Items per page of every ECS and FIS list call. @default 100 */
  readonly changesPageSize?: number;
  /** Refuse the ECS call (AccessDeniedException). */
  readonly denyEcs?: boolean;
  /** Refuse the FIS calls (AccessDeniedException). */
  readonly denyFis?: boolean;
}

export interface FakeAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

const ECS_TARGET = 'AmazonEC2ContainerServiceV20141113.';

function page<T>(items: T[], token: unknown, size: number): { items: T[]; next?: string } {
  const offset = token ? Number(token) : 0;
  return { items: items.slice(offset, offset + size), next: offset + size < items.length ? String(offset + size) : undefined };
}

/** The answer to an ECS or FIS request, undefined for anything else (CloudWatch). */
export function answerEcsOrFis(
  method: string, url: URL, target: string, body: Record<string, any>, options: FakeEcsFisOptions,
): FakeAnswer | undefined {
  const size = options.changesPageSize ?? 100;
  if (target.startsWith(ECS_TARGET)) {
    const headers = { 'content-type': 'application/x-amz-json-1.1' };
    if (options.denyEcs) return { status: 400, headers, body: { __type: 'AccessDeniedException', message: 'User is not authorized to perform: ecs:ListServiceDeployments' } };
    if (target !== `${ECS_TARGET}ListServiceDeployments`) return { status: 400, headers, body: { __type: 'UnknownOperationException' } };
    const after = body.createdAt?.after ?? -Infinity;
    const before = body.createdAt?.before ?? Infinity;
    const matching = (options.serviceDeployments ?? [])
      .filter((d) => d.service === body.service && (d.cluster ?? 'default') === (body.cluster ?? 'default'))
      .filter((d) => Number(d.createdAt) >= after && Number(d.createdAt) <= before)
      .map(({ service: _s, cluster: _c, ...brief }) => brief);
    const { items, next } = page(matching, body.nextToken, size);
    return { status: 200, headers, body: { serviceDeployments: items, ...(next ? { nextToken: next } : {}) } };
  }
  if (method === 'GET' && (url.pathname === '/experiments' || url.pathname === '/experimentTemplates')) {
    const headers = { 'content-type': 'application/json' };
    if (options.denyFis) return { status: 403, headers: { ...headers, 'x-amzn-errortype': 'AccessDeniedException' }, body: { message: 'not authorized' } };
    const templates = url.pathname === '/experimentTemplates';
    const { items, next } = page((templates ? options.experimentTemplates : options.experiments) ?? [], url.searchParams.get('nextToken'), size);
    return { status: 200, headers, body: { [templates ? 'experimentTemplates' : 'experiments']: items, ...(next ? { nextToken: next } : {}) } };
  }
  return undefined;
}
