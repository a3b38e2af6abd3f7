/**
 * The playground page: the experiment form (its state mirrored in the URL), run controls, the
 * summary and paired differences, live charts and the dataset view. All training happens in the
 * worker pool; this component only sends commands and renders the store.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ExperimentConfig } from '../core/config';
import type { PresetName } from '../core/presets';
import { presetConfig } from '../core/presets';
import { consecutiveSeeds, defaultSeeds, encodePageParams } from '../core/seeds';
import type { BandKind } from '../core/stats/bands';
import { encodeConfig } from '../core/urlCodec';
import { checkQuery } from '../core/urlLength';
import { decodePage } from '../core/urlParams';
import { validate } from '../core/validate';
import type { SavedComparison } from '../storage/comparisonStore';
import { clearComparison, loadComparison } from '../storage/comparisonStore';
import type { BackendChoice } from '../worker/protocol';
import { AccuracyChart } from './charts/AccuracyChart';
import { AgentDriftChart } from './charts/AgentDriftChart';
import { DifferenceChart } from './charts/DifferenceChart';
import { LandscapeView } from './charts/LandscapeView';
import { SmoothnessCharts } from './charts/SmoothnessCharts';
import { LossChart } from './charts/LossChart';
import { RocChart } from './charts/RocChart';
import { Alerts } from './components/Alerts';
import { BackendBadge } from './components/BackendBadge';
import { BandToggle } from './components/BandToggle';
import { Controls } from './components/Controls';
import { DatasetView } from './components/DatasetView';
import { PairedTable } from './components/PairedTable';
import { ResultsTable } from './components/ResultsTable';
import { RunControls } from './components/RunControls';
import { RestorePrompt } from './components/RestorePrompt';
import { RunStatus } from './components/RunStatus';
import { StoredData } from './components/StoredData';
import { Summary } from './components/Summary';
import { defaultWorkers } from './pool/plan';
import { isFinished, methodGroups, pairedAtCommonStep } from './store/views';
import type { SessionSetup } from './useTraining';
import { useTraining } from './useTraining';

const decoded = decodePage(new URLSearchParams(window.location.search));
const initial = decoded.url;
const initialPage = decoded.page;
const urlProblems = decoded.problems;

export function App() {
  const [preset, setPreset] = useState<PresetName>(initial.preset);
  // A list of seeds in the URL (seeds=4,9,12) starts at its first.
  const [config, setConfig] = useState<ExperimentConfig>({ ...initial.config, seed: initialPage.seeds[0] ?? initial.config.seed });
  const [seeds, setSeeds] = useState<number[]>(initialPage.seeds);
  const [workers, setWorkers] = useState<number | null>(initialPage.workers);
  const [backend, setBackend] = useState<string>(initial.backend);
  const [band, setBand] = useState<BandKind>('sd');
  // The comparison a previous visit kept, offered until it is restored, discarded or replaced.
  const [saved, setSaved] = useState<SavedComparison | null>(null);
  useEffect(() => {
    let live = true;
    void loadComparison().then((kept) => live && kept !== null && kept.state.runs.length > 0 && setSaved(kept));
    return () => {
      live = false;
    };
  }, []);
  const errors = useMemo(() => new Map(validate(config).map((i) => [i.field, i.message])), [config]);
  const training = useTraining();
  const s = training.state;
  const groups = useMemo(() => methodGroups(s.runs), [s.runs]);
  // The loss changes with every batch of messages, evaluations every few dozen steps, probes and
  // slices rarely: each slice of the runs keeps its identity until what it shows changes, and the
  // views built from it (below) are the same elements, which React does not render again.
  const evalKey = s.runs.map((r) => `${r.evals.length}${r.diverged ? 'd' : ''}`).join(',');
  const analysisKey = s.runs.map((r) => `${r.smoothness.length}.${r.agents.length}.${r.landscape1d?.step ?? ''}.${r.landscape2d?.rows.filter((x) => x !== null).length ?? ''}`).join(',');
  // Keyed on what the views read, not on `groups` itself, which is new with every batch.
  const evalGroups = useMemo(() => groups, [evalKey, s.runId]);
  const analysisGroups = useMemo(() => groups, [analysisKey, s.runId]);
  const paired = useMemo(() => pairedAtCommonStep(s), [evalKey, s.runId]);
  const finished = useMemo(() => isFinished(s), [evalKey, s.runId]);
  const { farTargets } = config.eval;
  const evalViews = useMemo(() => ({
    accuracy: <AccuracyChart groups={evalGroups} untrained={s.untrained} band={band} />,
    difference: <DifferenceChart groups={evalGroups} band={band} />,
    roc: <RocChart groups={evalGroups} untrained={s.untrained} band={band} />,
    results: <ResultsTable groups={evalGroups} untrained={s.untrained} farTargets={farTargets} />,
  }), [evalGroups, s.untrained, band, farTargets]);
  const busy = s.phase !== 'ready';
  const analysisViews = useMemo(() => ({
    smoothness: <SmoothnessCharts groups={analysisGroups} band={band} />,
    landscape: <LandscapeView groups={analysisGroups} band={band} busy={busy} onSlice={training.landscape} />,
    agents: <AgentDriftChart runs={analysisGroups.flatMap((g) => g.series.filter((r) => r.seed === s.seeds[0]))} />,
  }), [analysisGroups, band, busy, s.seeds, training.landscape]);
  const dataView = useMemo(() => (
    <>
      <DatasetView summary={s.dataset} progress={s.progress} />
      <StoredData refresh={`${s.runId}.${s.dataset === null}.${s.phase}.${s.playing}`} onCleared={training.forget} />
    </>
  ), [s.dataset, s.progress, s.runId, s.phase, s.playing, training.forget]);

  // A reload or a closed tab would end the comparison: ask first while it trains.
  useEffect(() => {
    if (!s.playing) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [s.playing]);

  const link = useMemo(() => {
    const next = encodeConfig(preset, config, backend);
    encodePageParams(next, preset, config.seed, seeds, workers);
    return checkQuery(next);
  }, [preset, config, seeds, workers, backend]);
  useEffect(() => {
    // A query too long for servers is never written: the address keeps the last link that loads.
    if (link.ok) window.history.replaceState(null, '', `?${link.query}`);
  }, [link]);

  const edit = (change: (draft: ExperimentConfig) => void) => {
    const next = structuredClone(config);
    change(next);
    setConfig(next);
    // The seeds follow the first seed unless the URL gave a list of others.
    if (next.seed !== config.seed && seeds.every((x, i) => x === (config.seed + i) >>> 0)) setSeeds(consecutiveSeeds(next.seed, seeds.length));
  };
  const canTrain = errors.size === 0;
  const setup = (c: ExperimentConfig, list = seeds): SessionSetup => ({
    preset,
    config: c,
    seeds: list,
    backend: backend as BackendChoice,
    workers: workers ?? defaultWorkers(navigator.hardwareConcurrency, backend),
  });
  const start = (c: ExperimentConfig, then: 'play' | 'step' | 'none', list = seeds) => {
    setSaved(null);
    training.start(setup(c, list), then);
  };
  const restore = (kept: SavedComparison) => {
    const { preset: p, config: c, seeds: list, backend: b, workers: w } = kept.setup;
    setPreset(p);
    setConfig(c);
    setSeeds(list);
    setBackend(b);
    setWorkers(w);
    setSaved(null);
    training.restore(kept);
  };

  return (
    <main>
      <header>
        <h1>MASST Playground</h1>
        <p className="lead">Conventional, SST and MASST face-embedding training, side by side, on the same synthetic faces and the same batches.</p>
        <BackendBadge report={s.backend} />
      </header>
      {saved !== null && s.phase === 'idle' && (
        <RestorePrompt
          saved={saved}
          onRestore={() => restore(saved)}
          onDiscard={() => {
            setSaved(null);
            void clearComparison();
          }}
        />
      )}
      <Alerts urlProblems={urlProblems} linkProblem={link.ok ? null : link.message} errors={s.errors} onDismiss={training.dismissErrors} />
      <Controls
        preset={preset}
        config={config}
        seeds={seeds}
        workers={workers}
        backend={backend}
        errors={errors}
        disabled={s.playing}
        onPreset={(name) => {
          const next = presetConfig(name);
          setPreset(name);
          setConfig(next);
          setSeeds(defaultSeeds(name, next.seed));
        }}
        onChange={edit}
        onSeedCount={(n) => setSeeds(consecutiveSeeds(config.seed, n))}
        onWorkers={setWorkers}
        onBackend={setBackend}
      />
      <RunControls
        playing={s.playing}
        canTrain={canTrain}
        hasSession={s.phase !== 'idle'}
        stepsPerSecond={s.playing ? s.stepsPerSecond : 0}
        onTrain={() => (training.isCurrent(setup(config)) ? training.play() : start(config, 'play'))}
        onPause={training.pause}
        onStep={() => (training.isCurrent(setup(config)) ? training.step() : start(config, 'step'))}
        onReset={() => start(config, 'none')}
        onNewSeed={() => {
          // The next seeds after every current one, so no seed repeats.
          const next = { ...config, seed: (Math.max(...seeds) + 1) >>> 0 };
          const list = consecutiveSeeds(next.seed, seeds.length);
          setConfig(next);
          setSeeds(list);
          if (s.phase !== 'idle') start(next, 'none', list);
        }}
      />
      <RunStatus state={s} />
      {finished && paired && <Summary rows={paired.rows} />}
      <PairedTable paired={paired} totalSteps={s.totalSteps} />
      <BandToggle band={band} seeds={s.seeds.length} onChange={setBand} />
      <section className="charts">
        <div>
          <h2>Loss</h2>
          <LossChart groups={groups} band={band} />
        </div>
        <div>
          <h2>Verification accuracy</h2>
          {evalViews.accuracy}
        </div>
        <div>
          <h2>Accuracy difference, paired by seed</h2>
          {evalViews.difference}
        </div>
        <div>
          <h2>ROC (latest evaluation)</h2>
          {evalViews.roc}
        </div>
      </section>
      {evalViews.results}
      <section className="analysis">
        <h2>
          Smoothness of the loss{' '}
          {s.probeCost && s.probeCost.every > 0 && (
            <span className="badge">+{s.probeCost.forward} forward, +{s.probeCost.backward} backward every {s.probeCost.every} steps</span>
          )}
        </h2>
        {analysisViews.smoothness}
        <h2>Loss landscape</h2>
        {analysisViews.landscape}
        <h2>Agent drift</h2>
        {analysisViews.agents}
      </section>
      {dataView}
    </main>
  );
}
