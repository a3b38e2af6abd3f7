/**
 * The "Sweep" section. Define a sweep (SweepForm: up to two axes, the methods, the seeds; its base
 * is the form's configuration), checked by core/sweep/spec.ts expandSweep before anything trains,
 * every problem named; Train sweep trains it on the page's worker pool, each distinct run once,
 * reusing the runs the page's run store has (sweep/sweepTrainer.ts), with progress and Stop. Or
 * Import sweep (pick or drop a runner's sweep.json; read in this browser, nothing is uploaded, a
 * bad file is refused with its message and changes nothing). Either way the result is a sweep
 * file (core/sweep/file.ts), drawn by the same heatmap and details; a click on a trained cell also
 * shows its comparison in the page's charts from its stored runs (sweep/cellState.ts).
 */
import { useEffect, useMemo, useState } from 'react';
import type { DragEvent } from 'react';
import type { BackendChoice } from '../../core/backends';
import type { ExperimentConfig } from '../../core/config';
import { runLabel } from '../../core/config';
import type { PresetName } from '../../core/presets';
import type { SweepFile } from '../../core/sweep/file';
import { pairLabels } from '../../core/sweep/heatCells';
import { overridesOf } from '../../core/sweep/pageSweep';
import type { SweepPlan, SweepSpec } from '../../core/sweep/spec';
import { expandSweep } from '../../core/sweep/spec';
import type { PageSweepSetup } from '../../core/sweep/sweepQuery';
import { distinctRuns } from '../../core/sweep/distinctRuns';
import { encodeRuns } from '../../core/urlCodec';
import { SweepHeatmap } from '../charts/SweepHeatmap';
import { SweepDetails } from '../components/SweepDetails';
import { readSweepFile } from '../import/readSweepFile';
import type { UiState } from '../store/state';
import { RUN_STORE_BOUNDS } from '../storage/runStore';
import { runStoreUsage } from '../storage/runStoreDb';
import { cellState } from '../sweep/cellState';
import { SweepForm } from '../sweep/SweepForm';
import type { SweepPool } from '../sweep/sweepTrainer';
import { useSweep } from '../sweep/useSweep';
import { SweepProgressLine, SweepStatus } from '../sweep/SweepStatus';

/** The second method against the baseline (comparisons() order), e.g. MASST K=2 − SST. */
const defaultPair = (file: SweepFile): string => pairLabels(file.methods)[0] ?? '';

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

interface Props {
  preset: PresetName;
  /** The form's configuration: the sweep's base. */
  config: ExperimentConfig;
  seeds: readonly number[];
  backend: BackendChoice;
  workers: number;
  setup: PageSweepSetup;
  onSetup: (setup: PageSweepSetup) => void;
  pool: SweepPool;
  /** Shows a cell's comparison in the page's charts. */
  onShow: (state: UiState) => void;
  /** Why a sweep cannot train now (the comparison trains on the workers), or null. */
  busy: string | null;
  /** lock=1: the setup is the link's. */
  locked: boolean;
}

/** The sweep of the form and the setup, or every problem expandSweep names. */
function planOf(
  preset: PresetName,
  config: ExperimentConfig,
  seeds: readonly number[],
  setup: PageSweepSetup,
): { plan: SweepPlan } | { problems: string[] } {
  if (setup.axes.length === 0) return { problems: [] };
  const spec: SweepSpec = {
    preset,
    set: overridesOf(preset, config),
    axes: setup.axes,
    methods: setup.methods ?? encodeRuns(config.runs),
    seeds: setup.seeds ?? [...seeds],
  };
  try {
    return { plan: expandSweep(spec) };
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    return {
      problems: text
        .split('\n')
        .slice(1)
        .map((l) => l.replace(/^\s*- /, '')),
    };
  }
}

type Shown = { kind: 'trained' } | { kind: 'imported'; name: string; file: SweepFile } | null;

export function SweepPanel(props: Props) {
  const { setup, busy, locked } = props;
  const sweep = useSweep(props.pool);
  const [shown, setShown] = useState<Shown>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [pair, setPair] = useState('');
  const [selected, setSelected] = useState<number | null>(null);
  const [over, setOver] = useState(false);
  const [usage, setUsage] = useState<{ runs: number; bytes: number } | null>(null);
  const trainedRuns = sweep.outcome?.progress.trained ?? 0;
  useEffect(() => {
    let live = true;
    void runStoreUsage().then((u) => live && setUsage(u));
    return () => {
      live = false;
    };
  }, [trainedRuns, sweep.running]);
  const take = async (f: File | undefined) => {
    if (f === undefined) return;
    const r = await readSweepFile(f);
    if (!r.ok) return setRefused(r.message);
    setRefused(null);
    setShown({ kind: 'imported', name: f.name, file: r.file });
    setPair(defaultPair(r.file));
    setSelected(null);
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void take(e.dataTransfer.files[0]);
  };
  const { preset, config, seeds } = props;
  const planned = useMemo(() => planOf(preset, config, seeds, setup), [preset, config, seeds, setup]);
  // The counts do not depend on the backend (one field of every key): any name counts them.
  const counts = useMemo(() => ('plan' in planned ? distinctRuns(planned.plan, 'count') : null), [planned]);
  const train = (plan: SweepPlan) => {
    setShown({ kind: 'trained' });
    setPair(pairLabels(plan.methods.map(runLabel))[0] ?? '');
    setSelected(null);
    sweep.train(plan, props.backend, props.workers);
  };
  const file =
    shown?.kind === 'imported' ? shown.file : shown?.kind === 'trained' ? (sweep.outcome?.file ?? null) : null;
  const pairs = file === null ? [] : pairLabels(file.methods);
  const activePair = pairs.includes(pair) ? pair : (pairs[0] ?? '');
  const select = (index: number) => {
    setSelected(index);
    const o = sweep.outcome;
    if (shown?.kind === 'trained' && o !== null && sweep.plan !== null)
      props.onShow(cellState(sweep.plan, o.runs, index, o.records));
  };
  return (
    <section
      className="sweep"
      aria-labelledby="sweep-heading"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <h2 id="sweep-heading">Sweep</h2>
      <p>
        Pick up to two axes, the methods and the seeds, then Train sweep: it trains on this page&apos;s workers, with
        the form&apos;s settings as its base, each distinct run once, and reuses the runs this browser already has. Or
        import a sweep.json of <code>npm run sweep</code>.
      </p>
      <SweepForm
        base={props.config}
        setup={setup}
        methods={encodeRuns(props.config.runs)}
        seeds={props.seeds}
        disabled={locked || sweep.running}
        onSetup={props.onSetup}
      />
      {'problems' in planned && planned.problems.length > 0 && (
        <div className="alert error" role="alert" aria-label="Sweep problems">
          <p>This sweep is not allowed:</p>
          <ul>
            {planned.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {'plan' in planned && counts !== null && (
        <p>
          {planned.plan.cells.length} cells × {planned.plan.methods.length} methods × {planned.plan.spec.seeds.length}{' '}
          seeds = {planned.plan.cells.length * planned.plan.methods.length * planned.plan.spec.seeds.length} runs,{' '}
          {counts.slots.length * planned.plan.spec.seeds.length} distinct by run key.
          {planned.plan.notes.map((n) => ` Note: ${n}.`).join('')}
        </p>
      )}
      <p>
        <button
          type="button"
          disabled={!('plan' in planned) || sweep.running || busy !== null}
          onClick={() => 'plan' in planned && train(planned.plan)}
        >
          Train sweep
        </button>{' '}
        <button type="button" disabled={!sweep.running} onClick={sweep.stop}>
          Stop sweep
        </button>
        {busy !== null && <small> {busy}</small>}
      </p>
      {sweep.running && sweep.outcome !== null && <SweepProgressLine progress={sweep.outcome.progress} />}
      {!sweep.running && sweep.outcome !== null && shown?.kind === 'trained' && <SweepStatus outcome={sweep.outcome} />}
      {sweep.error !== null && (
        <p className="alert error" role="alert">
          {sweep.error}
        </p>
      )}
      {sweep.outcome?.notes.map((n) => (
        <p key={n} className="alert">
          Note: {n}.
        </p>
      ))}
      {usage !== null && (
        <p className="stored-runs">
          Run store in this browser: {usage.runs} run{usage.runs === 1 ? '' : 's'}, {mb(usage.bytes)} MB (at most{' '}
          {mb(RUN_STORE_BOUNDS.maxBytes)} MB and {RUN_STORE_BOUNDS.maxEntries} runs; the least recently used go first;
          Clear stored data empties it).
        </p>
      )}
      <label className={over ? 'import-pick dropzone over' : 'import-pick'}>
        Import sweep{' '}
        <input
          type="file"
          accept=".json,application/json"
          aria-label="Import sweep"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            void take(f);
          }}
        />{' '}
        (or drop it on this section)
      </label>
      {refused !== null && (
        <p className="alert error" role="alert">
          {refused}
        </p>
      )}
      {file !== null && shown !== null && (
        <>
          <p>
            {shown.kind === 'imported' ? `${shown.name}: ` : 'Trained here: '}
            {file.cells.length} cells × {file.methods.length} methods × {file.spec.seeds.length} seeds (
            {file.spec.seeds.join(', ')}), preset {file.spec.preset}, {file.backend}; {file.runs.distinct} distinct runs
            ({file.runs.trained} trained, {file.runs.reused} reused).
            {file.notes.map((n) => ` Note: ${n}.`).join('')}
          </p>
          <label>
            Colour by{' '}
            <select value={activePair} onChange={(e) => setPair(e.currentTarget.value)}>
              {pairs.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <SweepHeatmap file={file} pair={activePair} selected={selected} onSelect={select} />
          {selected === null ? (
            <p>
              Click a cell (or Tab to it and press Enter) for its paired table
              {shown.kind === 'trained' ? ' and its comparison in the charts' : ''}.
            </p>
          ) : (
            <CellNote kind={shown.kind} label={file.cells[selected]?.label ?? ''} />
          )}
          {selected !== null && <SweepDetails file={file} index={selected} />}
        </>
      )}
    </section>
  );
}

function CellNote({ kind, label }: { kind: 'trained' | 'imported'; label: string }) {
  if (kind === 'trained') {
    return (
      <p role="status">
        The charts above (loss, accuracy, paired differences, smoothness, results) now show cell {label} from its stored
        runs, nothing retrained; Train starts the form&apos;s comparison again.
      </p>
    );
  }
  return (
    <p>
      An imported sweep.json holds each run&apos;s final numbers, not its per-step series: the table below is what it
      can show. Train the same sweep on this page to see its charts.
    </p>
  );
}
