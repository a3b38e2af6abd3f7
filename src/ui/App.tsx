/**
 * The playground page: the experiment form (its state mirrored in the URL), run controls, live
 * charts and the dataset view. All training happens in the worker; this component only sends
 * commands and renders the store.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ExperimentConfig } from '../core/config';
import type { PresetName } from '../core/presets';
import { presetConfig } from '../core/presets';
import { decodeConfig, encodeConfig } from '../core/urlCodec';
import { validate } from '../core/validate';
import type { BackendChoice } from '../worker/protocol';
import { AccuracyChart } from './charts/AccuracyChart';
import { AgentDriftChart } from './charts/AgentDriftChart';
import { LandscapeView } from './charts/LandscapeView';
import { SmoothnessCharts } from './charts/SmoothnessCharts';
import { LossChart } from './charts/LossChart';
import { RocChart } from './charts/RocChart';
import { Alerts } from './components/Alerts';
import { BackendBadge } from './components/BackendBadge';
import { Controls } from './components/Controls';
import { DatasetView } from './components/DatasetView';
import { ResultsTable } from './components/ResultsTable';
import { RunControls } from './components/RunControls';
import { RunStatus } from './components/RunStatus';
import { useTraining } from './useTraining';

const initial = decodeConfig(new URLSearchParams(window.location.search));

export function App() {
  const [preset, setPreset] = useState<PresetName>(initial.preset);
  const [config, setConfig] = useState<ExperimentConfig>(initial.config);
  const [backend, setBackend] = useState<string>(initial.backend);
  const errors = useMemo(() => new Map(validate(config).map((i) => [i.field, i.message])), [config]);
  const training = useTraining();
  const s = training.state;

  useEffect(() => {
    const params = encodeConfig(preset, config, backend);
    window.history.replaceState(null, '', `?${params.toString()}`);
  }, [preset, config, backend]);

  const edit = (change: (draft: ExperimentConfig) => void) => {
    const next = structuredClone(config);
    change(next);
    setConfig(next);
  };
  const canTrain = errors.size === 0;
  const start = (c: ExperimentConfig, then: 'play' | 'step' | 'none') => training.start(c, backend as BackendChoice, then);

  return (
    <main>
      <header>
        <h1>MASST Playground</h1>
        <p className="lead">Conventional, SST and MASST face-embedding training, side by side, on the same synthetic faces and the same batches.</p>
        <BackendBadge report={s.backend} />
      </header>
      <Alerts urlProblems={initial.problems} errors={s.errors} onDismiss={training.dismissErrors} />
      <Controls
        preset={preset}
        config={config}
        backend={backend}
        errors={errors}
        disabled={s.playing}
        onPreset={(name) => {
          setPreset(name);
          setConfig(presetConfig(name));
        }}
        onChange={edit}
        onBackend={setBackend}
      />
      <RunControls
        playing={s.playing}
        canTrain={canTrain}
        hasSession={s.phase !== 'idle'}
        stepsPerSecond={s.playing ? s.stepsPerSecond : 0}
        onTrain={() => (training.isCurrent(config, backend) ? training.play() : start(config, 'play'))}
        onPause={training.pause}
        onStep={() => (training.isCurrent(config, backend) ? training.step() : start(config, 'step'))}
        onReset={() => start(config, 'none')}
        onNewSeed={() => {
          const next = { ...config, seed: (config.seed + 1) >>> 0 };
          setConfig(next);
          if (s.phase !== 'idle') start(next, 'none');
        }}
      />
      <RunStatus runs={s.runs} step={s.step} />
      <section className="charts">
        <div>
          <h2>Loss</h2>
          <LossChart runs={s.runs} />
        </div>
        <div>
          <h2>Verification accuracy</h2>
          <AccuracyChart runs={s.runs} untrained={s.untrained} />
        </div>
        <div>
          <h2>ROC (latest evaluation)</h2>
          <RocChart runs={s.runs} untrained={s.untrained} />
        </div>
      </section>
      <ResultsTable runs={s.runs} untrained={s.untrained} farTargets={config.eval.farTargets} />
      <section className="analysis">
        <h2>
          Smoothness of the loss{' '}
          {s.probeCost && s.probeCost.every > 0 && (
            <span className="badge">+{s.probeCost.forward} forward, +{s.probeCost.backward} backward every {s.probeCost.every} steps</span>
          )}
        </h2>
        <SmoothnessCharts runs={s.runs} />
        <h2>Loss landscape</h2>
        <LandscapeView runs={s.runs} busy={s.phase !== 'ready'} onSlice={training.landscape} />
        <h2>Agent drift</h2>
        <AgentDriftChart runs={s.runs} />
      </section>
      <DatasetView summary={s.dataset} progress={s.progress} />
    </main>
  );
}
