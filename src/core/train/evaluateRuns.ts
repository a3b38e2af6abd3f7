/**
 * Evaluation of a comparison's probes on the held-out pairs (docs/method.md §7): probe only, BN in
 * inference mode, cosine scores. The untrained probe (the shared initial weights) is evaluated on
 * the same pairs so a reader sees what training added.
 */
import type { EvalReport } from '../eval/report';
import { evaluateEmbeddings } from '../eval/report';
import type { Comparison } from './comparison';

export async function evaluateRun(cmp: Comparison, index: number): Promise<EvalReport> {
  const embeddings = await cmp.embedTest(index);
  return report(cmp, embeddings);
}

/**
 * The evaluation of run `index`, or null when its probe's test embeddings are not finite: its
 * weights diverged (a step can leave them NaN while the loss it reported was still finite).
 */
export async function evaluateRunUnlessDiverged(cmp: Comparison, index: number): Promise<EvalReport | null> {
  return (await evaluateRunWithEmbeddings(cmp, index))?.report ?? null;
}

/** As evaluateRunUnlessDiverged, with the test embeddings it scored, [testCount, D]. */
export async function evaluateRunWithEmbeddings(
  cmp: Comparison,
  index: number,
): Promise<{ report: EvalReport; embeddings: Float32Array } | null> {
  const embeddings = await cmp.embedTest(index);
  return embeddings.every(Number.isFinite) ? { report: report(cmp, embeddings), embeddings } : null;
}

export async function evaluateUntrained(cmp: Comparison): Promise<EvalReport> {
  return report(cmp, await cmp.embedTestUntrained());
}

function report(cmp: Comparison, embeddings: Float32Array): EvalReport {
  const { test, pairs } = cmp.dataset;
  return evaluateEmbeddings(embeddings, cmp.config.model.embedDim, test, pairs, cmp.config.eval);
}
