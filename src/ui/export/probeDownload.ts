/**
 * "Download probe": one run's trained probe as a zip of a TensorFlow.js graph model
 * (core/export/probeZip.ts), made in this page from the weights its worker sends; nothing leaves
 * the browser. No tensors here: the worker reads the weights, this only packs arrays into bytes.
 */
import { architectureFor } from '../../core/model/architecture';
import { probeZip } from '../../core/export/probeZip';
import type { ProbeWeights } from '../../worker/protocol';
import { comparisonName, downloadBlob } from './download';
import type { PageSession } from './resultsJson';
import type { UiState } from '../store/state';

/** A run the panel offers: its unit (seed-major index), seed and method label ("MASST K=4"). */
export interface ProbeRun {
  unit: number;
  seed: number;
  label: string;
}

/** A run's button: its name on the page and why it is disabled (null: enabled). */
export interface ProbeOffer extends ProbeRun {
  /** "SST", or "SST · seed 2" when the comparison has several seeds. */
  name: string;
  reason: string | null;
}

/** One offer per run of the comparison, in the page's run order. */
export function probeOffers(s: UiState): ProbeOffer[] {
  return s.runs.map((r) => ({
    unit: r.unit,
    seed: r.seed,
    label: r.label,
    name: s.seeds.length > 1 ? `${r.label} · seed ${r.seed}` : r.label,
    reason:
      r.diverged !== null
        ? `it diverged at step ${r.diverged.step}`
        : r.steps.length === 0
          ? 'it has not trained yet: press Train or Step'
          : null,
  }));
}

/** Asks for `run`'s probe, zips it and starts the download; resolves to what was saved, rejects saying why not. */
export async function downloadProbe(
  request: (unit: number) => Promise<ProbeWeights>,
  session: PageSession,
  run: ProbeRun,
  preset: string,
): Promise<string> {
  const probe = await request(run.unit);
  const { config } = session;
  const arch = architectureFor(config.model.backbone, config.model.embedDim);
  const description = `${run.label} · seed ${run.seed}, step ${probe.step} of ${config.steps} (preset ${preset})`;
  const input = {
    arch,
    imageSize: config.data.imageSize,
    channels: config.data.channels,
    state: probe.state,
    description,
  };
  const made = probeZip(input, comparisonName(preset, session.seeds, config.steps), run.label, run.seed, new Date());
  downloadBlob(new Blob(made.chunks as BlobPart[], { type: 'application/zip' }), made.filename);
  return `Downloaded ${made.filename} (${Math.ceil(made.bytes / 1024)} kB, the probe after step ${probe.step}).`;
}
