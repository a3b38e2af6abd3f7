/**
 * The playground page: the experiment form (mirrored in the URL), run controls, live charts and
 * the dataset view. All training happens in the worker; this component only renders the store
 * and forwards clicks to useTraining.
 */
import { AccuracyChart } from './charts/AccuracyChart';
import { AgentDriftChart } from './charts/AgentDriftChart';
import { LandscapeView } from './charts/LandscapeView';
import { LossChart } from './charts/LossChart';
import { RocChart } from './charts/RocChart';
import { SmoothnessCharts } from './charts/SmoothnessCharts';
import { Alerts } from './components/Alerts';
import { BackendBadge } from './components/BackendBadge';
import { Controls } from './components/Controls';
import { DatasetView } from './components/DatasetView';
import { ResultsTable } from './components/ResultsTable';
import { RunControls } from './components/RunControls';
import { RunStatus } from './components/RunStatus';
import { useTraining } from './useTraining';

export function App() {
  const t = useTraining();
  const s = t.state;
  const form = s.form;
  return (
    <main>
      <header>
        <h1>MASST Playground</h1>
        <p className="lead">Conventional, SST and MASST face-embedding training, side by side, on the same synthetic faces and the same batches.</p>
        <BackendBadge report={s.backend} />
      </header>
      <Alerts urlProblems={form.urlProblems} errors={s.errors} onDismiss={t.dismissAlerts} />
      <Controls form={form} disabled={s.playing} onEdit={t.edit} />
      <RunControls
        playing={s.playing}
        canTrain={form.issues.length === 0}
        hasSession={s.session !== null}
        stepsPerSecond={s.stepsPerSecond}
        onTrain={t.train}
        onPause={t.pause}
        onStep={t.step}
        onReset={t.reset}
        onNewSeed={t.newSeed}
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
      <ResultsTable runs={s.runs} untrained={s.untrained} farTargets={form.config.eval.farTargets} />
      <section className="analysis">
        <h2>
          Smoothness of the loss{' '}
          {s.probeCost && s.probeCost.every > 0 && (
            <span className="badge">+{s.probeCost.forward} forward, +{s.probeCost.backward} backward every {s.probeCost.every} steps</span>
          )}
        </h2>
        <SmoothnessCharts runs={s.runs} />
        <h2>Loss landscape</h2>
        <LandscapeView runs={s.runs} busy={s.phase !== 'ready'} onSlice={t.landscape} />
        <h2>Agent drift</h2>
        <AgentDriftChart runs={s.runs} />
      </section>
      <DatasetView summary={s.dataset} progress={s.progress} />
    </main>
  );
}
