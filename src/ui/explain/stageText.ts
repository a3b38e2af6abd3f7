/**
 * What each stage of a slowly stepped iteration did, in words with its numbers (trace.ts), for
 * the stage list under the model overview. Pure: tested in stageText.test.ts.
 */
import type { SlowStepTrace, Stage } from '../../core/train/trace';

export const STAGE_TITLES: Record<Stage, string> = {
  probe: 'Both views through the probe',
  gallery: 'Both views through the active agent',
  queue: 'The queue, with the batch’s slots holding the other view',
  logits: 'Cosine logits, margin on the own-ID column',
  loss: 'The two cross-entropy terms',
  gradient: 'Gradient into the probe',
  ema: 'EMA of the agent(s)',
  enqueue: 'Enqueue',
};

const f = (x: number, d = 3) => x.toFixed(d);
const ids = (t: SlowStepTrace) => t.ids.map((id) => `#${id}`).join(', ');

export function stageText(stage: Stage, t: SlowStepTrace): string {
  switch (stage) {
    case 'probe':
      return `Identities ${ids(t)}: cosine between the probe's features of their two views ${t.probe.viewCos.map((c) => f(c)).join(', ')}.`;
    case 'gallery':
      return t.gallery === null
        ? 'Conventional has no gallery.'
        : `Agent ${t.gallery.agent + 1} of ${t.gallery.agents} (k = t mod K, t = ${t.step - 1} steps before this one) embeds both views without gradients; cosine probe vs agent on view 1: ${t.gallery.probeGalleryCos.map((c) => f(c)).join(', ')}.`;
    case 'queue':
      return t.queue === null
        ? 'Conventional has no queue.'
        : `Slots ${t.queue.pointer}–${t.queue.pointer + t.queue.batch - 1} of ${t.queue.size} (the write pointer) are read as this batch's own identities, holding the other view's gallery features; the other ${t.queue.size - t.queue.batch} slots are negatives${replacedText(t.queue.replacedIds)}.`;
    case 'logits': {
      const what = t.logits.columns === 'classes' ? 'class' : 'slot';
      const rows = t.logits.rows.map(
        (r) =>
          `#${r.id}: own ${f(r.ownCos)} → logit ${f(r.ownLogit, 2)}, best other ${what} ${r.bestOther} ${f(r.bestOtherCos)}`,
      );
      return `Scale ${t.logits.scale}; view 1, ${rows.join('; ')}.`;
    }
    case 'loss':
      return `CE of view 1 ${f(t.loss.view1, 4)}, of view 2 ${f(t.loss.view2, 4)}; loss = their mean ${f(t.loss.total, 4)}.`;
    case 'gradient':
      return `‖∇θ‖ = ${f(t.gradient.gradNorm, 4)}; SGD with momentum at learning rate ${t.lr.toPrecision(3)} moved the ${t.method === 'conventional' ? 'probe and classifier' : 'probe'} by ‖Δθ‖ = ${f(t.gradient.updateNorm, 5)}.`;
    case 'ema':
      return t.ema === null
        ? 'Conventional has no agents.'
        : t.ema
            .map(
              (e) => `agent ${e.agent + 1}: θG ← ${e.alpha}·θG + ${f(1 - e.alpha, 3)}·θP, moved by ${f(e.change, 5)}`,
            )
            .join('; ') + '.';
    case 'enqueue':
      return t.enqueue === null
        ? 'Conventional has no queue.'
        : `View ${t.enqueue.view}'s gallery features of ${t.enqueue.count} identities written to slots ${t.enqueue.first}–${t.enqueue.first + t.enqueue.count - 1}; the pointer moves on by ${t.enqueue.count}.`;
  }
}

function replacedText(replaced: number[]): string {
  const held = replaced.filter((id) => id >= 0);
  if (held.length === 0) return '; those slots held their random start';
  return `; they held identities ${held
    .slice(0, 4)
    .map((id) => `#${id}`)
    .join(', ')}${held.length > 4 ? '…' : ''} from an older batch`;
}
