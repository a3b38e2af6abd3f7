/**
 * Inline help, written for a student: what each control and chart is, why it matters, and the
 * formula where there is one. Shown on hover and focus, and linked to its control with
 * aria-describedby so a screen reader reads it after the control's name.
 */
import { FIELDS } from '../core/fields/table';
import type { HideName } from '../core/teacher';

/**
 * Form controls, by their label (the accessible name they already have): the config fields' from
 * the field table (core/fields/table.ts), then the controls that are not config fields.
 */
export const FIELD_HELP: Record<string, string> = {
  ...Object.fromEntries(FIELDS.flatMap((f) => (f.form === undefined ? [] : [[f.form.label, f.help]]))),
  Scenario:
    'A named preset of every setting below. demo is the page’s default: 256 people with 2 photos each, 3 seeds, a few minutes on 2 cores.',
  Seeds:
    'How many seeds each method runs on. Every method gets the same faces, weights and batches on a seed, so differences are paired by seed.',
  Conventional:
    'A classifier with one weight vector per training identity, trained with the margin loss; the baseline.',
  SST: 'Semi-Siamese Training: no classifier; each photo is compared with the gallery’s features of the other photo and with a queue of other identities.',
  MASST: 'Multi-agent SST: K galleries (agents) take turns as the gallery, one per step.',
  'MASST agents K': 'The number of gallery agents in MASST. At step t agent t mod K is the gallery.',
  Backend: 'Where TensorFlow.js computes: WebGPU, WebGL, WASM or CPU. auto picks the fastest that works here.',
  'Run shown': 'Which run of the first seed the model overview, Step slowly and the queue view show.',
  Speed:
    'Caps how many steps a second every run trains, to watch the diagram follow each step; Full speed trains as fast as the machine goes.',
  Workers:
    'How many Web Workers train in parallel (auto = the cores the browser reports). Each run trains in a worker.',
};

/** The run buttons, by name. */
export const BUTTON_HELP: Record<string, string> = {
  Train: 'Train every run in lock-step, each on its own worker, until Pause or the last step.',
  Pause: 'Stop after the current step; Train carries on from there.',
  Step: 'Run exactly one iteration of every run, then stop.',
  Reset: 'Start the same comparison again from step 0, with the same seeds.',
  'Step slowly':
    'Run the next iteration of every run (exactly the one training would run) and walk through its eight stages for the run shown, with the numbers of that iteration: features, agent, queue, logits, loss terms, gradient, EMA, enqueue.',
  'New seed': 'Start again with the next seeds: new faces, new initial weights, new batches.',
};

/** Chart and table panels, by their teacher-mode name. */
export const PANEL_HELP: Partial<Record<HideName, string>> = {
  loss: 'The training loss of each run after each batch (lower is better). Conventional’s loss is over the training IDs, SST’s and MASST’s over the queue, so compare shapes, not heights.',
  accuracy:
    'Verification accuracy: for pairs of held-out photos, is it the same person? Decided by thresholding the cosine of their embeddings, 10-fold. The dashed line is the untrained network.',
  difference:
    'For each seed, accuracy of method A minus method B at the same step, then the mean over seeds with its band. Above zero: A is ahead. Pairing by seed removes the luck of the faces.',
  roc: 'Receiver operating characteristic at the latest evaluation: true accept rate against false accept rate as the threshold moves. Higher and more to the left is better; AUC is the area under it.',
  smoothness:
    'Santurkar et al.’s probes: from the current weights, step along the gradient at several step sizes η and record the loss range and how much the gradient changes. Effective β = max over η of ‖∇L(w − ηg) − ∇L(w)‖ / ‖ηg‖: lower means a smoother, more predictable loss.',
  landscape:
    'The loss along a random direction d (filter-normalised) around the current weights w: L(w + t·d) for t in [−1, 1]. A wide flat bowl is a smooth region.',
  dataset:
    'The synthetic faces themselves: a few training identities with their photos, how many photos each training identity has, and held-out pairs (same person or not) with look-alike relatives as hard negatives. Accuracy is measured on those pairs.',
  overview:
    'One training iteration drawn: the probe sees both photos of each identity, the active gallery agent (MASST: agent t mod K) embeds them without gradients, the probe’s features are scored against the other photo’s gallery feature and the queue’s negatives with a margin, only the probe gets the gradient, the agents follow it by EMA, and the batch’s gallery features are enqueued.',
  queue:
    'The prototype queue: one cell per slot holding one identity’s gallery feature, coloured by how many steps ago it was written or by which agent wrote it; the red frame is the write pointer, where the next batch goes.',
  timeline:
    'When each MASST agent was the gallery (filled) and when it got the EMA of the probe (dot), over the last steps.',
  embeddings:
    'Ten held-out people, two photos each, in the probe’s embedding space projected to 2-D by PCA. A good embedding puts a person’s two photos close together.',
  agents:
    'The distance between each gallery agent’s weights and the probe’s, ‖θ_agent − θ_probe‖₂ over the trainable weights. The EMA keeps it from being zero: a slow gallery trails the probe.',
};

/** "How it works", a few paragraphs under the tool. */
export const HOW_IT_WORKS: readonly { title: string; text: string }[] = [
  {
    title: 'The probe',
    text: 'The probe is the network being trained: a small CNN that turns a face photo into an embedding, a vector of 32 numbers scaled to length 1. Two photos are judged to be the same person when the cosine of their embeddings is above a threshold. Only the probe gets gradients.',
  },
  {
    title: 'Conventional training',
    text: 'Adds a classifier with one weight vector per training identity and trains the probe to put each photo nearest its own identity’s weight. With two photos per person, each weight is learnt from two examples.',
  },
  {
    title: 'Gallery and agents',
    text: 'SST replaces the classifier by a gallery: a copy of the probe that is never trained by gradients but follows it slowly by an exponential moving average (EMA), θ_gallery ← α·θ_gallery + (1 − α)·θ_probe. Each batch has two views of each identity, x1 and x2; the probe’s embedding of x1 is compared with the gallery’s embedding of x2, and the other way round. MASST keeps K galleries, the agents; at step t agent t mod K plays the gallery.',
  },
  {
    title: 'The queue',
    text: 'The gallery embeddings of recent batches are kept in a queue of Q slots. They are the “other people”: each probe embedding must be closer to the gallery embedding of its own identity than to every slot of the queue. The sampler keeps an identity out of the batch while it still sits in the queue, so no one is compared against themselves.',
  },
  {
    title: 'Margin loss',
    text: 'Logits are s·cos θ between the probe embedding and each gallery feature; the own-identity logit gets a margin (AM: s·(cos θ − m)) and a cross-entropy is taken, once per view. The margin asks for a gap, not just a win, which pulls a person’s photos together.',
  },
  {
    title: 'What the charts show',
    text: 'Loss follows every batch. Accuracy, its paired difference and the ROC follow the evaluations on held-out people. The paired differences table is the verdict: a method beat another only when most seeds agree and the mean is clear of its noise. The smoothness charts, landscape and agent drift show why the methods might differ: how predictable the loss is, and how far each gallery trails the probe.',
  },
];
