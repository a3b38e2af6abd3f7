import { describe, expect, it } from 'vitest';
import type { EvalReport } from '../../core/eval/report';
import { presetConfig } from '../../core/presets';
import { pageResults } from '../export/resultsJson';
import { VERSIONS } from '../export/versions';
import type { UiState } from '../store/state';
import { reduce, startSession } from '../store/state';
import { colorOf } from '../charts/colors';
import type { Ghost } from './ghosts';
import { ghostRuns, smoothed } from './ghosts';
import {
  GHOST_DASH,
  ghostAccuracyLines,
  ghostAgentLines,
  ghostDifferenceLines,
  ghostLossLines,
  ghostProbeLines,
  ghostRocLines,
} from './ghostLines';
import { ghostPairedRows, ghostResultRows } from './ghostTables';
import { parseRunFile } from './runFile';

const config = { ...presetConfig('smoke'), steps: 4 };
const seeds = [7, 8];
const R = config.runs.length;
const units = Array.from({ length: R * seeds.length }, (_, u) => u);
const report = (accuracy: number): EvalReport => ({
  accuracy,
  accuracyStdErr: 0.01,
  auc: accuracy + 0.1,
  rank1: 0.3,
  tarAtFar: { '0.1': 0.4 },
  lookalikeAccuracy: null,
  roc: { fpr: [0, 1], tpr: [0, 1] },
  pairs: 20,
});

/** A 4-step comparison on seeds 7 and 8, evaluated at steps 2 and 4, with losses that are not round in float32. */
function trained(): UiState {
  let s = startSession(1, config, seeds, 1);
  s = reduce(s, {
    type: 'ready',
    sessionId: 1,
    worker: 0,
    untrained: seeds.map((seed) => ({ seed, report: report(0.5) })),
    smoothnessCost: { forward: 1, backward: 1, every: 0 },
  });
  for (const step of [1, 2, 3, 4]) {
    s = reduce(s, {
      type: 'stats',
      sessionId: 1,
      batch: {
        worker: 0,
        units,
        steps: Int32Array.from([step]),
        losses: units.map((u) => Float32Array.from([10 / step + u / 7])),
        msPerStep: units.map(() => 5),
        stepsPerSecond: 3,
      },
    });
    if (step % 2 === 0)
      s = reduce(s, {
        type: 'eval',
        sessionId: 1,
        result: { step, units, reports: units.map((u) => report(0.6 + step / 100 + u / 1000)) },
      });
  }
  return s;
}

/** Export → JSON text → parseRunFile: what a dropped download gives. */
function imported(state: UiState, fileName = 'smoke.json', id = 1): Ghost {
  const parsed = parseRunFile(fileName, JSON.stringify(pageResults(state, { config, seeds }, VERSIONS), null, 1));
  if (!parsed.ok) throw new Error(parsed.message);
  return { id, fileName, file: parsed.file };
}

describe('ghost runs', () => {
  it('export → import gives the series the page drew, value for value', () => {
    const state = trained();
    const runs = ghostRuns(imported(state));
    expect(runs).toHaveLength(state.runs.length);
    runs.forEach((g, u) => {
      const live = state.runs[u];
      expect([g.label, g.seed]).toEqual([live?.label, live?.seed]);
      expect(g.steps).toEqual(live?.steps);
      expect(g.loss).toEqual(live?.loss);
      expect(g.smooth).toEqual(live?.smooth);
      expect(g.evals).toEqual(live?.evals);
      expect(g.latest).toEqual(live?.latest);
    });
  });

  it('are named by file, method and seed, in the method colour of the file', () => {
    const runs = ghostRuns(imported(trained(), 'a.json', 3));
    expect(runs.map((r) => r.name)).toEqual(
      seeds.flatMap((seed) => config.runs.map((_, i) => `a.json: ${runs[i]?.label ?? ''} seed ${seed}`)),
    );
    expect(runs.map((r) => r.color)).toEqual(seeds.flatMap(() => config.runs.map((spec, i) => colorOf(spec, i))));
    expect(new Set(runs.map((r) => r.key)).size).toBe(runs.length);
  });

  it('computes the smoothed loss as the store does', () => {
    expect(smoothed([1, 2, 3])).toEqual([1, 0.9 * 1 + 0.1 * 2, 0.9 * (0.9 + 0.2) + 0.1 * 3]);
  });
});

describe('ghost lines', () => {
  const runs = ghostRuns(imported(trained()));

  it('draw the smoothed loss dashed and faint, the raw loss out of the legend', () => {
    const lines = ghostLossLines(runs);
    expect(lines).toHaveLength(2 * runs.length);
    const shown = lines.filter((l) => l.legend);
    expect(shown.map((l) => l.name)).toEqual(runs.map((r) => r.name));
    expect(shown.map((l) => l.ys)).toEqual(runs.map((r) => r.smooth));
    expect(lines.every((l) => l.dash === GHOST_DASH && l.opacity < 1)).toBe(true);
  });

  it('draw accuracy at each evaluation, and nothing for data a file lacks', () => {
    const lines = ghostAccuracyLines(runs);
    expect(lines[0]?.xs).toEqual([2, 4]);
    expect(lines[0]?.ys).toEqual(runs[0]?.evals.map((e) => e.accuracy));
    expect(ghostProbeLines(runs, (p) => p.beta)).toEqual([]);
    expect(ghostAgentLines(runs)).toEqual([]);
    expect(ghostAccuracyLines(runs.map((r) => ({ ...r, evals: [] })))).toEqual([]);
    // The final evaluation's ROC, as the page kept it; a run without one draws none.
    expect(ghostRocLines(runs).map((l) => [l.name, Array.from(l.xs)])).toEqual(runs.map((r) => [r.name, [0, 1]]));
    expect(ghostRocLines(runs.map((r) => ({ ...r, latest: null })))).toEqual([]);
  });

  it('draw each comparison of a file as the mean over its seeds of the paired accuracy difference', () => {
    const lines = ghostDifferenceLines(runs);
    const labels = config.runs.map((_, i) => runs[i]?.label ?? '');
    expect(lines.map((l) => l.name)).toEqual([
      `smoke.json: ${labels[1]} − ${labels[0]}`,
      `smoke.json: ${labels[2]} − ${labels[1]}`,
      `smoke.json: ${labels[2]} − ${labels[0]}`,
    ]);
    // Accuracy 0.6 + step/100 + unit/1000: SST − Conventional is 0.001 on both seeds at steps 2 and 4.
    expect(lines[0]?.xs).toEqual([2, 4]);
    for (const y of Array.from(lines[0]?.ys ?? [])) expect(y).toBeCloseTo(0.001, 12);
    const two = [...runs, ...ghostRuns(imported(trained(), 'other.json', 2))];
    expect(ghostDifferenceLines(two)).toHaveLength(6);
    expect(new Set(ghostDifferenceLines(two).map((l) => l.key)).size).toBe(6);
  });

  it('draw probes and agents when the file has them', () => {
    const [first] = runs;
    if (!first) throw new Error('no run');
    const probe = {
      step: 2,
      beta: 3,
      lipschitz: 4,
      lossMin: 0,
      lossMax: 1,
      gradPredMin: 0,
      gradPredMax: 1,
    } as GhostRunProbe;
    const withData = {
      ...first,
      smoothness: [probe],
      agents: [{ step: 2, distance: [0.1, 0.2], featureCosine: [1, 1] }],
    };
    expect(ghostProbeLines([withData], (p) => p.lipschitz)[0]?.ys).toEqual([4]);
    expect(ghostAgentLines([withData]).map((l) => [l.name, l.ys])).toEqual([
      [`${first.name} agent 0`, [0.1]],
      [`${first.name} agent 1`, [0.2]],
    ]);
  });
});

type GhostRunProbe = ReturnType<typeof ghostRuns>[number]['smoothness'][number];

describe('ghost table rows', () => {
  const state = trained();
  const ghost = imported(state, 'b.json');

  it('list the untrained probe and each method with its seeds, named by file', () => {
    const rows = ghostResultRows(ghost);
    expect(rows.map((r) => r.label)).toEqual([
      'b.json: Untrained probe',
      ...config.runs.map((_, i) => `b.json: ${state.runs[i]?.label ?? ''}`),
    ]);
    expect(rows.every((r) => r.imported === 'b.json' && r.reports.length === seeds.length)).toBe(true);
    expect(rows[1]?.reports).toEqual([state.runs[0]?.latest, state.runs[R]?.latest]);
  });

  it("use the file's paired differences, and compute the same ones when the file has none", () => {
    const own = ghostPairedRows(ghost);
    expect(own.map((r) => r.label)).toEqual(ghost.file.pairedDifferences.map((r) => `b.json: ${r.label}`));
    const bare = { ...ghost, file: { ...ghost.file, pairedDifferences: [] } };
    expect(ghostPairedRows(bare)).toEqual(own);
    const broken = {
      ...ghost,
      file: { ...ghost.file, pairedDifferences: [{ label: 'x' }] as unknown as typeof ghost.file.pairedDifferences },
    };
    expect(ghostPairedRows(broken)).toEqual(own);
  });
});
