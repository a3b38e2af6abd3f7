/**
 * Imported probes on the page: labelled by what made them, shown only with the comparison they were
 * evaluated on, one results row each (every seed's report) and one Embeddings ghost (the first
 * seed); and an import asked for before the comparison has its faces says what to wait for.
 */
import { describe, expect, it } from 'vitest';
import type { EvalReport } from '../../core/eval/report';
import { presetConfig } from '../../core/presets';
import type { ImportedProbeResult } from '../../worker/protocol';
import { importRequest } from './probeImportClient';
import { ProbeImports, probeEmbeddingPanels, probeResultRows } from './probeImports';

const report = (accuracy: number) => ({ accuracy }) as EvalReport;
const view = (step: number) => ({
  step,
  ids: [0],
  coords: new Float32Array(4),
  explained: [0.5, 0.2] as [number, number],
});

function result(source: ImportedProbeResult['source'], title: string): ImportedProbeResult {
  return {
    title,
    source,
    backend: 'cpu',
    seeds: [
      { seed: 4, report: report(0.7), view: view(1) },
      { seed: 5, report: report(0.6), view: view(2) },
    ],
  };
}

describe('ProbeImports', () => {
  it('labels by source, keeps labels unique, and shows each probe only with its own comparison', () => {
    const probes = new ProbeImports();
    let changes = 0;
    probes.subscribe(() => changes++);
    const torch = probes.add(3, result('PyTorch', 'SST · seed 1, step 6 of 6 (trained in PyTorch)'));
    const again = probes.add(3, result('PyTorch', 'SST · seed 1, step 6 of 6 (trained in PyTorch)'));
    const page = probes.add(2, result('imported probe', 'masst-smoke-sst-seed4-probe'));
    expect([torch.label, again.label, page.label]).toEqual([
      'PyTorch probe: SST · seed 1, step 6 of 6 (trained in PyTorch)',
      'PyTorch probe: SST · seed 1, step 6 of 6 (trained in PyTorch) (2)',
      'Imported probe: masst-smoke-sst-seed4-probe',
    ]);
    const rows = probeResultRows(probes.get(), 3);
    expect(rows.map((r) => r.label)).toEqual([torch.label, again.label]);
    expect(rows[0]?.reports.map((r) => r?.accuracy)).toEqual([0.7, 0.6]);
    expect(rows[0]?.imported).toBe(torch.label);
    expect(probeEmbeddingPanels(probes.get(), 2)).toEqual([{ label: page.label, view: view(1), ghost: true }]);
    probes.remove(again.id);
    expect(probeResultRows(probes.get(), 3).map((r) => r.label)).toEqual([torch.label]);
    expect(changes).toBe(4);
  });
});

describe('importRequest', () => {
  const config = presetConfig('smoke');
  const files = [new File(['{}'], 'model.json')];

  it('says to start a comparison, or to wait for its faces, naming the seeds', () => {
    expect(importRequest(null, 1, files, 'wasm')).toEqual({
      ok: false,
      why: expect.stringContaining('no comparison yet: press Train or Step first') as unknown as string,
    });
    const waiting = importRequest(
      { config, seeds: [4, 5, 6], faces: new Map([[5, new ArrayBuffer(8)]]), folder: null },
      1,
      files,
      'wasm',
    );
    expect(waiting).toEqual({
      ok: false,
      why: 'Import probe: the faces of seed 4, 6 are still being made: import once the comparison shows step 0',
    });
  });

  it("sends the comparison's config and every seed's faces in seed order", () => {
    const a = new ArrayBuffer(8);
    const b = new ArrayBuffer(16);
    const made = importRequest(
      {
        config,
        seeds: [5, 4],
        faces: new Map([
          [4, a],
          [5, b],
        ]),
        folder: null,
      },
      7,
      files,
      'webgl',
    );
    if (!made.ok) throw new Error(made.why);
    expect(made.message.faces).toEqual([
      { seed: 5, bytes: b },
      { seed: 4, bytes: a },
    ]);
    expect(made.message.config).toBe(config);
    expect(made.message.backend).toBe('webgl');
    expect(made.message.sessionId).toBe(7);
    expect(made.message.files).toBe(files);
  });
});
