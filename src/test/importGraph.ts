/**
 * Cycles of a directed graph (file → files it imports): each strongly connected component of more
 * than one node, or a node with an edge to itself, with its files (sorted) and one cycle through
 * its first file (Tarjan's algorithm, then a walk inside the component).
 */
export function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): Array<{ files: string[]; cycle: string[] }> {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop();
      if (w === undefined) break;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return components.map((c) => ({ files: c, cycle: cycleIn(graph, new Set(c), c[0] as string) }));
}

/** A cycle through `start` inside `component`, closed by repeating `start`. */
function cycleIn(
  graph: ReadonlyMap<string, readonly string[]>,
  component: ReadonlySet<string>,
  start: string,
): string[] {
  const path: string[] = [start];
  const seen = new Set<string>([start]);
  const walk = (v: string): boolean => {
    for (const w of graph.get(v) ?? []) {
      if (w === start) return true;
      if (!component.has(w) || seen.has(w)) continue;
      seen.add(w);
      path.push(w);
      if (walk(w)) return true;
      path.pop();
    }
    return false;
  };
  walk(start);
  return [...path, start];
}
