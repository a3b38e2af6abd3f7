/**
 * The imported run files, apart from the page's store: a Reset or a new session replaces the live
 * runs but keeps the ghosts, and a stored checkpoint of the session never holds them.
 */
import type { ResultsFile } from '../../core/results/resultsFile';
import { clipText } from '../../core/clipText';
import { MAX_GHOST_RUNS } from './bounds';
import type { Ghost } from './ghosts';

/** "name.json", or "name.json (2)" when a ghost of that name is already loaded. */
export function uniqueName(fileName: string, taken: readonly string[]): string {
  if (!taken.includes(fileName)) return fileName;
  let n = 2;
  while (taken.includes(`${fileName} (${n})`)) n++;
  return `${fileName} (${n})`;
}

export class GhostStore {
  private ghosts: readonly Ghost[] = [];
  private nextId = 1;
  private readonly listeners = new Set<() => void>();

  get = (): readonly Ghost[] => this.ghosts;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Adds a file already checked by parseRunFile; returns the ghost (its name made unique). */
  add(fileName: string, file: ResultsFile, note: string | null = null): Ghost {
    const ghost: Ghost = {
      id: this.nextId++,
      fileName: uniqueName(
        fileName,
        this.ghosts.map((g) => g.fileName),
      ),
      file,
      ...(note === null ? {} : { note }),
    };
    this.set([...this.ghosts, ghost]);
    return ghost;
  }

  /** Why a file of `runs` runs cannot be added beside the loaded ones (MAX_GHOST_RUNS in all); null when it can. */
  refusal(fileName: string, runs: number): string | null {
    const loaded = this.ghosts.reduce((n, g) => n + g.file.runs.length, 0);
    if (loaded + runs <= MAX_GHOST_RUNS) return null;
    return `${clipText(fileName)}: its ${runs} runs beside the ${loaded} imported already would make ${loaded + runs}; the page draws at most ${MAX_GHOST_RUNS} imported runs at once. Remove an imported file first. Nothing of it was loaded.`;
  }

  remove(id: number): void {
    const next = this.ghosts.filter((g) => g.id !== id);
    if (next.length !== this.ghosts.length) this.set(next);
  }

  private set(next: readonly Ghost[]): void {
    this.ghosts = next;
    for (const l of this.listeners) l();
  }
}
