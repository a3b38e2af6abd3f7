/**
 * The rows of the field table that the page's URL carries, in the order links write them (the
 * order links have always had). Each row is the one declaration of its field: see table.ts.
 */
import {
  AGENT_ALPHA_MODES,
  AGENT_INITS,
  AGENT_UPDATES,
  BACKBONES,
  CHANNELS,
  MARGIN_LOSSES,
  METHODS,
  QUEUE_MODES,
  REGIMES,
} from '../config';
import type { Method } from '../config';
import type { FieldSpec } from './types';

export const ALL: readonly Method[] = METHODS;
/** The gallery EMA is SST's and MASST's: Conventional has no gallery. */
export const SEMI_SIAMESE: readonly Method[] = ['sst', 'masst'];
/** masst.* is MASST's alone: SST is built as one agent with the gallery's α (train/comparison.ts). */
export const MASST_ONLY: readonly Method[] = ['masst'];

export const MAX_AGENTS = 8;
/** What the `methods` list allows (the URL's methods=, the runner's --methods). */
export const RUNS_ALLOWED = `a comma-separated list of conventional, sst, masstK (K from 1 to ${MAX_AGENTS})`;

const steps = { text: 'steps', of: (c: { steps: number }) => c.steps };

export const PAGE_FIELDS: readonly FieldSpec[] = [
  {
    // The first of the seeds (seedList.ts): the runner takes them all with --seeds, never --set seed=.
    path: 'seed',
    param: 'seed',
    form: { label: 'Seed', step: 1 },
    flag: '--seeds',
    methods: ALL,
    help: 'The random seed of the first run: it fixes the faces, the initial weights and the order of batches, so a run can be repeated exactly.',
    rule: { kind: 'int', min: 0, max: 0xffffffff },
  },
  {
    path: 'steps',
    param: 'steps',
    form: { label: 'Steps', step: 1 },
    flag: '--steps',
    methods: ALL,
    help: 'Training iterations per run. One step = one batch of identities, one gradient update.',
    rule: { kind: 'int', min: 1, max: 1_000_000 },
  },
  {
    path: 'batchSize',
    param: 'batch',
    form: { label: 'Batch (IDs)', step: 1 },
    methods: ALL,
    help: 'Identities per batch; each contributes two photos (two views x1, x2).',
    rule: { kind: 'int', min: 2, max: 4096 },
  },
  {
    path: 'optim.lr',
    param: 'lr',
    form: { label: 'Learning rate' },
    methods: ALL,
    help: 'The size of each gradient step on the probe’s weights (SGD with momentum 0.9); divided by 10 at 60 % and 85 % of the run.',
    rule: { kind: 'number', min: 1e-6, max: 10 },
  },
  {
    // Conventional reads it too: the sampler leaves the IDs of the last Q/B batches out of the next
    // epoch for every method, so all runs of a seed see the same batches.
    path: 'gallery.queueSize',
    param: 'queue',
    form: { label: 'Queue size', step: 1 },
    methods: ALL,
    help: 'Slots in the prototype queue: gallery features of recent batches, used as the “other people” (negatives) in SST and MASST. A multiple of the batch.',
    rule: {
      kind: 'between',
      value: 'number',
      allowed: 'a multiple of batchSize below data.trainIds, at most data.trainIds − batchSize',
    },
  },
  {
    path: 'gallery.alpha',
    param: 'alpha',
    form: { label: 'EMA α', step: 0.001 },
    methods: SEMI_SIAMESE,
    help: 'How slowly the gallery follows the probe: θ_gallery ← α·θ_gallery + (1 − α)·θ_probe each update, an average over ~1/(1 − α) updates.',
    rule: { kind: 'number', min: 0, max: 1, maxOpen: true },
  },
  {
    path: 'loss.type',
    param: 'loss',
    form: { label: 'Loss' },
    methods: ALL,
    help: 'The margin softmax: softmax (none), am (cos θ − m) or arc (cos(θ + m)), applied to the own-ID logit.',
    rule: { kind: 'choice', choices: MARGIN_LOSSES },
  },
  {
    path: 'loss.scale',
    param: 'scale',
    form: { label: 'Scale s' },
    methods: ALL,
    help: 'The logits are s·cos θ: cosine similarities between embeddings are scaled by s before the softmax, so the loss can get small.',
    rule: { kind: 'number', min: 1, max: 128 },
  },
  {
    path: 'loss.margin',
    param: 'margin',
    form: { label: 'Margin m', step: 0.05 },
    methods: ALL,
    help: 'Subtracted from the own-ID cosine (am: s·(cos θ − m)): the correct match must beat the others by at least m, which pulls a person’s photos closer together.',
    rule: {
      kind: 'between',
      value: 'number',
      allowed: 'a number in [0, 1) for am, in [0, π/4] (radians) for arc; not read by softmax',
    },
  },
  {
    path: 'model.backbone',
    param: 'backbone',
    form: { label: 'Backbone' },
    methods: ALL,
    help: 'The convolutional network that turns a face into an embedding vector: tiny, small or base (deeper and slower).',
    rule: { kind: 'choice', choices: BACKBONES },
  },
  {
    path: 'model.embedDim',
    param: 'embed',
    methods: ALL,
    help: 'Length D of the embedding vector the backbone ends in.',
    rule: { kind: 'int', min: 2, max: 1024 },
  },
  {
    path: 'data.imageSize',
    param: 'size',
    form: { label: 'Image size (px)', step: 4 },
    methods: ALL,
    help: 'Width and height of each synthetic face. Bigger images hold more detail but each step costs more.',
    rule: { kind: 'int', min: 8, max: 128 },
  },
  {
    path: 'data.channels',
    param: 'channels',
    form: { label: 'Channels' },
    methods: ALL,
    help: 'Grey (1 channel) or colour (3). Grey is cheaper; the faces differ mostly in shape.',
    rule: { kind: 'choice', choices: CHANNELS },
  },
  {
    path: 'data.regime',
    param: 'regime',
    form: { label: 'Regime' },
    methods: ALL,
    help: 'How many photos each training identity has: shallow = 2 each (the hard case the paper targets), longtail = a few people with many and most with few, deep = many each.',
    rule: { kind: 'choice', choices: REGIMES },
  },
  {
    path: 'data.trainIds',
    param: 'trainIds',
    form: { label: 'Training IDs', step: 1 },
    methods: ALL,
    help: 'How many different people the network trains on. Held-out people, never seen in training, are used to measure accuracy.',
    rule: { kind: 'int', min: 2, max: 100_000 },
  },
  {
    path: 'masst.agentUpdate',
    param: 'agentUpdate',
    form: { label: 'Agent update' },
    methods: MASST_ONLY,
    help: 'MASST: active = only the agent that played the gallery this step gets the EMA; all = every agent does.',
    rule: { kind: 'choice', choices: AGENT_UPDATES },
  },
  {
    path: 'masst.agentAlpha',
    param: 'agentAlpha',
    form: { label: 'Agent α' },
    methods: MASST_ONLY,
    help: 'MASST: shared = every agent uses EMA α; per-agent = agent k has its own α (0.99, 0.98, …).',
    rule: { kind: 'choice', choices: AGENT_ALPHA_MODES },
  },
  {
    path: 'masst.agentInit',
    param: 'agentInit',
    form: { label: 'Agent init' },
    methods: MASST_ONLY,
    help: 'MASST: how the agents start: copies of the probe, or their own random weights.',
    rule: { kind: 'choice', choices: AGENT_INITS },
  },
  {
    path: 'masst.queueMode',
    param: 'queueMode',
    form: { label: 'Queue mode' },
    methods: MASST_ONLY,
    help: 'MASST: one queue shared by all agents, or one queue per agent.',
    rule: { kind: 'choice', choices: QUEUE_MODES },
  },
  {
    path: 'eval.every',
    param: 'evalEvery',
    form: { label: 'Evaluate every (steps)', step: 1 },
    flag: '--eval-every',
    methods: ALL,
    help: 'How often to measure verification accuracy on held-out pairs. Evaluating does not change training.',
    rule: { kind: 'int', min: 0, max: steps },
  },
  {
    path: 'analysis.every',
    param: 'smoothEvery',
    oldParams: ['probeEvery'],
    form: { label: 'Smoothness check every (steps)', step: 1 },
    flag: '--smooth-every',
    methods: ALL,
    help: 'How often to run the smoothness probes (0 = never). A probe costs about 8 steps of compute; it does not change training.',
    rule: { kind: 'int', min: 0, max: steps },
  },
  {
    path: 'analysis.landscapeEvery',
    param: 'sliceEvery',
    form: { label: '1-D slice every (steps)', step: 1 },
    flag: '--slice-every',
    methods: ALL,
    help: 'How often to draw a 1-D slice of the loss landscape around the current weights (0 = never).',
    rule: { kind: 'int', min: 0, max: steps },
  },
  {
    path: 'analysis.gridPoints',
    param: 'grid',
    form: { label: 'Landscape grid', options: [11, 21, 51] },
    methods: ALL,
    help: 'Points along each landscape slice: more points, finer and slower.',
    rule: { kind: 'int', min: 3, max: 101 },
  },
  {
    // Not a leaf: each run is keyed by its own method and K, never by the list (sweep/runKey.ts).
    path: 'runs',
    param: 'methods',
    form: { label: 'Methods' },
    flag: '--methods',
    methods: [],
    help: 'Which methods to compare. Conventional: a classifier over the training IDs. SST: a slowly moving gallery network and a queue of its features instead of a classifier. MASST: K galleries (agents) taking turns.',
    rule: { kind: 'between', value: 'runs', allowed: RUNS_ALLOWED },
  },
];
