/**
 * One training iteration in slow motion: the numbers each of its stages produced, read back after
 * the very iteration training runs (SemiSiameseTrainer/ConventionalTrainer.stepTraced), so
 * stepping slowly never changes the run. Stages (the model overview lights them up in order):
 *   1 probe      both views through the probe          cos(p1ᵢ, p2ᵢ) per shown identity
 *   2 gallery    both views through the active agent   agent k = t mod K, cos(p1ᵢ, g1ᵢ)
 *   3 queue      the batch's B slots at the pointer hold the other view's gallery features
 *   4 logits     cosines with the margin on the own-ID column: own vs the best other slot / class
 *   5 loss       the two cross-entropy terms
 *   6 gradient   into the probe only: ‖∇θ‖ and the update ‖Δθ‖
 *   7 ema        the agent(s) averaged towards the probe, ‖Δθ_G‖ each
 *   8 enqueue    which slots were written, for which identities, from which view
 * Conventional has stages 1, 4, 5, 6 (its logits are over the FC head's training identities).
 */

export const STAGES = ['probe', 'gallery', 'queue', 'logits', 'loss', 'gradient', 'ema', 'enqueue'] as const;
export type Stage = (typeof STAGES)[number];

/** Rows of the batch shown in the stages (the first few identities). */
export const SHOWN_ROWS = 4;

export interface LogitRow {
  /** Training identity of the row. */
  id: number;
  /** Cosine with its own column before the margin, and the logit after margin and scale. */
  ownCos: number;
  ownLogit: number;
  /** The highest cosine among the other columns, and which column (queue slot or class). */
  bestOtherCos: number;
  bestOther: number;
}

export interface SlowStepTrace {
  method: 'conventional' | 'sst' | 'masst';
  /** The step this iteration became (1-based) and its learning rate. */
  step: number;
  lr: number;
  /** Identities of the shown rows. */
  ids: number[];
  probe: { viewCos: number[] };
  gallery: { agent: number; agents: number; probeGalleryCos: number[] } | null;
  queue: { size: number; pointer: number; batch: number; replacedIds: number[] } | null;
  /** View 1's rows; `columns` says what the other columns are. */
  logits: { columns: 'queue slots' | 'classes'; scale: number; rows: LogitRow[] };
  loss: { view1: number; view2: number; total: number };
  gradient: { gradNorm: number; updateNorm: number };
  ema: Array<{ agent: number; alpha: number; change: number }> | null;
  enqueue: { view: 1 | 2; first: number; count: number; ids: number[] } | null;
}

/** Which stages a method has. */
export function stagesOf(method: SlowStepTrace['method']): Stage[] {
  return method === 'conventional' ? ['probe', 'logits', 'loss', 'gradient'] : [...STAGES];
}

/** Cosine of rows i of a and b, [n, d] row-major each (the features are unit-norm already). */
export function rowCos(a: Float32Array, b: Float32Array, d: number, i: number): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let j = 0; j < d; j++) {
    const x = a[i * d + j] as number;
    const y = b[i * d + j] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return dot / Math.sqrt(na * nb);
}

/** Mean over rows of −log softmax(row)[target_i], logits [n, c] row-major, target of row i = targets[i]. */
export function meanCrossEntropy(logits: Float32Array, n: number, c: number, targets: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let j = 0; j < c; j++) max = Math.max(max, logits[i * c + j] as number);
    let sum = 0;
    for (let j = 0; j < c; j++) sum += Math.exp((logits[i * c + j] as number) - max);
    total += max + Math.log(sum) - (logits[i * c + (targets[i] as number)] as number);
  }
  return total / n;
}

/**
 * Row i of logits [n, c]: its own column `target` against the best other one. Other columns hold
 * scale·cos (the margin touches the target only), so their cosine is logit / scale.
 */
export function logitRow(
  logits: Float32Array,
  c: number,
  i: number,
  target: number,
  id: number,
  ownCos: number,
  scale: number,
): LogitRow {
  let best = -Infinity;
  let bestAt = -1;
  for (let j = 0; j < c; j++) {
    if (j === target) continue;
    const v = logits[i * c + j] as number;
    if (v > best) {
      best = v;
      bestAt = j;
    }
  }
  return { id, ownCos, ownLogit: logits[i * c + target] as number, bestOtherCos: best / scale, bestOther: bestAt };
}
