/**
 * Checks of the `startAfter` graph between FIS actions: every reference names an action of the
 * template and the graph has no cycle (FIS would reject a cycle at deploy, after a long wait).
 */

/** One action as the ordering check sees it: its name and the names it starts after. */
export interface OrderedAction {
  readonly name: string;
  readonly startAfter: readonly string[];
}

/** The first `startAfter` reference that names no action, or undefined. */
export function findUnknownReference(actions: readonly OrderedAction[]): { action: string; reference: string } | undefined {
  const names = new Set(actions.map((a) => a.name));
  for (const action of actions) {
    for (const reference of action.startAfter) {
      if (!names.has(reference)) return { action: action.name, reference };
    }
  }
  return undefined;
}

/**
 * A cycle in the `startAfter` graph as the list of names along it (first name repeated at the end),
 * or undefined when the graph is acyclic. Depth-first search with three colours.
 */
export function findCycle(actions: readonly OrderedAction[]): string[] | undefined {
  const edges = new Map(actions.map((a) => [a.name, a.startAfter]));
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];

  const visit = (name: string): string[] | undefined => {
    if (state.get(name) === 'done') return undefined;
    if (state.get(name) === 'visiting') return [...path.slice(path.indexOf(name)), name];
    state.set(name, 'visiting');
    path.push(name);
    for (const next of edges.get(name) ?? []) {
      if (!edges.has(next)) continue;
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(name, 'done');
    return undefined;
  };

  for (const action of actions) {
    const cycle = visit(action.name);
    if (cycle) return cycle;
  }
  return undefined;
}
