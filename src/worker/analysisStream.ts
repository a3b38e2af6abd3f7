/**
 * Streams the docs/method.md §6 measurements of a session to the page as they are computed: a
 * smoothness probe and agent drift per run, and landscape slices (a 2-D grid row by row), when the
 * engine asks (at the steps core/analysisSchedule.ts names, or on demand). Training state is left
 * bit-identical (core/analysis).
 */
import { Analyzer, smoothnessCost } from '../core/analysis/analyzer';
import type { Comparison } from '../core/train/comparison';
import type { Post, SmoothnessCost } from './protocol';

export class AnalysisStream {
  private readonly analyzer: Analyzer;

  constructor(
    private readonly cmp: Comparison,
    /** The page's unit number of each of the comparison's runs. */
    private readonly units: readonly number[],
    private readonly sessionId: number,
    private readonly post: Post,
    private readonly alive: () => boolean,
  ) {
    this.analyzer = new Analyzer(cmp);
  }

  get cost(): SmoothnessCost {
    const a = this.cmp.config.analysis;
    return { ...smoothnessCost(a.etaPoints), every: a.every };
  }

  private unit(run: number): number {
    return this.units[run] ?? run;
  }

  /** Probes every run that `include` keeps (a diverged run is left out). */
  async measure(include: (run: number) => boolean = () => true, signal?: AbortSignal): Promise<void> {
    for (let run = 0; run < this.cmp.runs.length && this.alive(); run++) {
      if (!include(run)) continue;
      const point = await this.analyzer.smoothness(run, signal);
      if (this.alive()) this.post({ type: 'smoothness', sessionId: this.sessionId, run: this.unit(run), point });
      const agents = await this.analyzer.agents(run);
      if (agents && this.alive()) {
        const k = agents.distance.length;
        this.post({
          type: 'agents',
          sessionId: this.sessionId,
          run: this.unit(run),
          point: { ...agents, active: (this.cmp.steps - 1 + k) % k },
        });
      }
    }
  }

  async landscape(dims: 1 | 2, include: (run: number) => boolean = () => true, signal?: AbortSignal): Promise<void> {
    const step = this.cmp.steps;
    for (let run = 0; run < this.cmp.runs.length && this.alive(); run++) {
      if (!include(run)) continue;
      if (dims === 1) {
        const s = await this.analyzer.landscape1d(run, signal);
        this.post({
          type: 'landscape',
          sessionId: this.sessionId,
          row: { run: this.unit(run), dims, step, alphas: s.alphas, betas: [0], index: 0, losses: s.losses },
        });
        continue;
      }
      await this.analyzer.landscape2d(
        run,
        (index, losses) => {
          if (!this.alive()) return;
          const grid = this.cmp.config.analysis.gridPoints;
          const axis = Array.from({ length: grid }, (_, i) => -1 + (2 * i) / (grid - 1));
          this.post({
            type: 'landscape',
            sessionId: this.sessionId,
            row: { run: this.unit(run), dims, step, alphas: axis, betas: axis, index, losses },
          });
        },
        signal,
      );
    }
  }
}
