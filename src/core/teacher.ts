/**
 * Teacher mode in the URL, as TensorFlow Playground's `HIDABLE_CONTROLS`: `hide=` a comma list of
 * the panels and form groups to hide, `lock=1` to make the configuration read-only (the form and
 * the scenario buttons disabled; Train, Pause and Step still work), so one link shows one idea.
 */
import type { UrlProblem } from './urlCodec';

/** Every name `hide=` accepts, with what it hides; declared once, in page order. */
export const HIDEABLE = {
  scenarios: 'the guided scenarios',
  form: 'the whole experiment form',
  preset: 'the Scenario (preset) select',
  data: 'the data fields (regime, image size, channels, training IDs)',
  model: 'the Backbone field',
  training: 'seed, seeds, steps, learning rate and batch',
  methods: 'the Methods checkboxes',
  objective: 'the loss fields (loss, scale s, margin m)',
  gallery: 'the queue size and EMA α',
  masst: 'the MASST agent options',
  analysis: 'how often to evaluate, probe and slice',
  compute: 'backend and workers',
  controls: 'Train, Pause, Step, Reset and New seed',
  status: 'the list of runs',
  overview:
    'the whole "How one iteration works" section (model overview, Step slowly, speed, queue, agents, embeddings)',
  slow: 'the Step slowly control and its stage list',
  queue: 'the queue view',
  timeline: 'the agent timeline',
  embeddings: 'the embedding view',
  export: 'the Download results, Download CSV and Copy link buttons and the Export as PyTorch project button',
  import:
    'the Import run file input, its drop zone and the list of imported runs (the ghosts already loaded stay drawn)',
  paired: 'the paired differences and the summary',
  loss: 'the loss chart',
  accuracy: 'the verification accuracy chart',
  difference: 'the accuracy difference chart',
  roc: 'the ROC chart',
  results: 'the results table',
  smoothness: 'the smoothness charts',
  landscape: 'the loss landscape',
  agents: 'the agent drift chart',
  sweep: 'the Sweep section (Import sweep, its heatmap and the details of a cell)',
  dataset: 'the sample faces of the seed, the data view and stored data',
  help: 'the How it works section',
} as const;

export type HideName = keyof typeof HIDEABLE;
export const HIDE_NAMES = Object.keys(HIDEABLE) as HideName[];

export function isHideName(name: string): name is HideName {
  return Object.prototype.hasOwnProperty.call(HIDEABLE, name);
}

export interface Teacher {
  /** In HIDE_NAMES order, no repeats. */
  hide: HideName[];
  lock: boolean;
}

export const NO_TEACHER: Teacher = { hide: [], lock: false };

/** Reads `hide` and `lock`; an unknown name or a bad lock value is named with what is allowed, the rest is used. */
export function decodeTeacher(params: URLSearchParams): Teacher & { problems: UrlProblem[] } {
  const problems: UrlProblem[] = [];
  const hide = new Set<HideName>();
  const hideText = params.get('hide');
  if (hideText !== null) {
    const unknown: string[] = [];
    for (const part of hideText
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')) {
      if (isHideName(part)) hide.add(part);
      else unknown.push(part);
    }
    if (unknown.length > 0) {
      const names = unknown.map((u) => `"${u}"`).join(', ');
      problems.push({
        param: 'hide',
        value: hideText,
        message: `hide = "${hideText}": ${names} ${unknown.length === 1 ? 'is not a panel or control' : 'are not panels or controls'} and ${unknown.length === 1 ? 'is' : 'are'} ignored; the names are ${HIDE_NAMES.join(', ')}.`,
      });
    }
  }
  let lock = false;
  const lockText = params.get('lock');
  if (lockText !== null) {
    if (lockText === '1') lock = true;
    else if (lockText !== '0')
      problems.push({
        param: 'lock',
        value: lockText,
        message: `lock = "${lockText}" is not allowed: expected 1 (the configuration read-only) or 0; not locked.`,
      });
  }
  return { hide: HIDE_NAMES.filter((n) => hide.has(n)), lock, problems };
}

/** Adds `hide` and `lock=1` when set. */
export function encodeTeacher(params: URLSearchParams, teacher: Teacher): void {
  if (teacher.hide.length > 0) params.set('hide', HIDE_NAMES.filter((n) => teacher.hide.includes(n)).join(','));
  if (teacher.lock) params.set('lock', '1');
}
