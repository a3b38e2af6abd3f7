/**
 * The probes brought back with "Import probe", each evaluated on one comparison's held-out pairs
 * (its session's sessionId): kept apart from the page's store, like the ghost files, and shown only
 * while that comparison is the current one (a Reset or another comparison has other pairs). Pure:
 * the rows and panels the results table and the Embeddings view draw are tested in Node.
 */
import type { EmbeddingView } from '../../core/analysis/embeddingView';
import type { ImportedProbeResult } from '../../worker/protocol';
import type { ReportRow } from './ghostTables';
import { uniqueName } from './ghostStore';

export interface ImportedProbe {
  id: number;
  /** "PyTorch probe: SST · seed 1, step 6 of 6 (trained in PyTorch)", unique among the imports. */
  label: string;
  /** The session whose held-out pairs it was evaluated on. */
  sessionId: number;
  result: ImportedProbeResult;
}

/** The row label: what made the probe, then its title. */
export function probeLabel(result: Pick<ImportedProbeResult, 'source' | 'title'>): string {
  return `${result.source === 'PyTorch' ? 'PyTorch probe' : 'Imported probe'}: ${result.title}`;
}

export class ProbeImports {
  private probes: readonly ImportedProbe[] = [];
  private nextId = 1;
  private readonly listeners = new Set<() => void>();

  get = (): readonly ImportedProbe[] => this.probes;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  add(sessionId: number, result: ImportedProbeResult): ImportedProbe {
    const label = uniqueName(
      probeLabel(result),
      this.probes.map((p) => p.label),
    );
    const probe: ImportedProbe = { id: this.nextId++, label, sessionId, result };
    this.set([...this.probes, probe]);
    return probe;
  }

  remove(id: number): void {
    const next = this.probes.filter((p) => p.id !== id);
    if (next.length !== this.probes.length) this.set(next);
  }

  private set(next: readonly ImportedProbe[]): void {
    this.probes = next;
    for (const l of this.listeners) l();
  }
}

/** The imports evaluated on session `sessionId`. */
export const ofSession = (probes: readonly ImportedProbe[], sessionId: number): ImportedProbe[] =>
  probes.filter((p) => p.sessionId === sessionId);

/** One results-table row per probe of session `sessionId`: its report on each seed, marked imported. */
export function probeResultRows(probes: readonly ImportedProbe[], sessionId: number): ReportRow[] {
  return ofSession(probes, sessionId).map((p) => ({
    label: p.label,
    reports: p.result.seeds.map((s) => s.report),
    imported: p.label,
  }));
}

/** The Embeddings view's ghost panels of session `sessionId`: each probe on the first seed, as the runs' panels. */
export function probeEmbeddingPanels(
  probes: readonly ImportedProbe[],
  sessionId: number,
): Array<{ label: string; view: EmbeddingView | null; ghost: true }> {
  return ofSession(probes, sessionId).map((p) => ({
    label: p.label,
    view: p.result.seeds[0]?.view ?? null,
    ghost: true,
  }));
}
