import { FisClient, ListExperimentsCommand, ListExperimentTemplatesCommand } from '@aws-sdk/client-fis';
import { accessDeniedNote, ChangeEvent, CollectedChanges, isAccessDenied } from './changes';
import { AssemblyStack } from '../assembly/cloud-assembly';
import { isRecord } from '../assembly/json-file';
import { resourcesOfType } from '../assembly/template-values';

/** An experiment template of the assembly and the literal tags that find its deployed copy. */
export interface TemplateExperiment {
  readonly stack: string;
  readonly logicalId: string;
  /** Undefined when the template has no tags or a tag value is not a literal. */
  readonly tags?: Record<string, string>;
}

export function templateExperiments(stacks: readonly AssemblyStack[]): TemplateExperiment[] {
  return stacks.flatMap((stack) => resourcesOfType(stack, 'AWS::FIS::ExperimentTemplate').map(({ logicalId, resource }) => {
    const tags = resource.Properties?.Tags;
    const literalTags = isRecord(tags) && Object.keys(tags).length > 0 && Object.values(tags).every((v) => typeof v === 'string')
      ? tags as Record<string, string> : undefined;
    return { stack: stack.displayName, logicalId, tags: literalTags };
  }));
}

/** Whether a deployed template carries every tag of the template (FIS adds none of its own to match). */
export function tagsMatch(wanted: Record<string, string>, deployed: Record<string, string> | undefined): boolean {
  return Object.entries(wanted).every(([k, v]) => deployed?.[k] === v);
}

/** Every page of a FIS list call (`nextToken`). */
async function allPages<T>(page: (nextToken: string | undefined) => Promise<{ items?: T[]; nextToken?: string }>): Promise<T[]> {
  const out: T[] = [];
  let nextToken: string | undefined;
  do {
    const response = await page(nextToken);
    out.push(...(response.items ?? []));
    nextToken = response.nextToken;
  } while (nextToken);
  return out;
}

/**
 * The FIS experiments created in [fromMs, toMs). The template ids are generated at deploy, so the
 * deployed templates (ListExperimentTemplates) are matched to the assembly's by their tags; when a
 * template cannot be matched (no literal tags, or more than one deployed template has them), every
 * experiment of the account in the window is listed and the draft says so. ListExperiments has no time
 * filter: every page is read and filtered by creation time.
 */
export async function collectFisExperiments(
  fis: FisClient, stacks: readonly AssemblyStack[], fromMs: number, toMs: number,
): Promise<CollectedChanges> {
  const templates = templateExperiments(stacks);
  if (templates.length === 0) return { changes: [], warnings: [], notCollected: [] };
  const warnings: string[] = [];
  let permission = 'fis:ListExperimentTemplates';
  try {
    const deployed = await allPages((nextToken) => fis.send(new ListExperimentTemplatesCommand({ nextToken }))
      .then((r) => ({ items: r.experimentTemplates, nextToken: r.nextToken })));
    const byTemplateId = new Map<string, TemplateExperiment>();
    const unmatched: string[] = [];
    for (const template of templates) {
      const matches = template.tags ? deployed.filter((d) => d.id && tagsMatch(template.tags!, d.tags)) : [];
      if (matches.length === 1) byTemplateId.set(matches[0].id!, template);
      else unmatched.push(`${template.stack}/${template.logicalId}`);
    }
    if (unmatched.length > 0) {
      warnings.push(`FIS experiment template(s) ${unmatched.join(', ')} not matched to exactly one deployed template by their tags: every experiment of the account in the window is listed`);
    }
    permission = 'fis:ListExperiments';
    const experiments = await allPages((nextToken) => fis.send(new ListExperimentsCommand({ nextToken }))
      .then((r) => ({ items: r.experiments, nextToken: r.nextToken })));
    const changes: ChangeEvent[] = experiments.flatMap((x) => {
      const createdMs = x.creationTime ? new Date(x.creationTime).getTime() : NaN;
      if (!x.id || !(createdMs >= fromMs && createdMs < toMs)) return [];
      const template = x.experimentTemplateId ? byTemplateId.get(x.experimentTemplateId) : undefined;
      if (!template && unmatched.length === 0) return [];
      return [{
        kind: 'experiment' as const,
        stack: template?.stack ?? null,
        logicalId: template?.logicalId ?? null,
        id: x.id,
        status: x.state?.status ?? 'unknown',
        startedAt: new Date(createdMs).toISOString(),
        endedAt: null,
      }];
    });
    return { changes, warnings, notCollected: [] };
  } catch (error) {
    if (!isAccessDenied(error)) throw error;
    return { changes: [], warnings, notCollected: [accessDeniedNote('FIS experiments', permission, error as Error)] };
  }
}
