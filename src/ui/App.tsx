/**
 * The playground page: the settings column (guided scenarios, the experiment form with its state
 * mirrored in the URL, your faces) beside the stage (run controls and progress, the method drawn
 * and the seed's faces, the loss and difference charts, the verdict and paired differences), and
 * the rest of the charts, tables and tools under it (docs/page.md#layout). All training happens in the
 * worker pool; this component only sends commands. It reads from the store only what it shows
 * itself; each panel subscribes to its own slice, so a batch of losses renders the loss chart and
 * the list of runs, not the page.
 */
import { useState, useSyncExternalStore } from 'react';
import type { ExperimentConfig } from '../core/config';
import { withSeeds } from '../core/seedList';
import type { BandKind } from '../core/stats/bands';
import type { PageQuery } from '../core/pageQuery';
import { decodePage } from '../core/urlParams';
import { HiddenSeriesContext, HiddenSeriesStore } from './charts/hiddenSeriesStore';
import type { SavedComparison } from './storage/comparisonStore';
import { tabComparisonKey } from './comparisonKey';
import { useStoredComparisons } from './useStoredComparisons';
import { usePageLifecycle } from './usePageLifecycle';
import { usePageLink } from './usePageLink';
import { PanelBoundary } from './boundary/PanelBoundary';
import { Alerts } from './components/Alerts';
import { BackendBadge } from './components/BackendBadge';
import { Controls } from './components/Controls';
import { GuidedScenarios } from './components/GuidedScenarios';
import { HowItWorks } from './components/HowItWorks';
import { AnalysisPanel } from './panels/AnalysisPanel';
import { ControlsPanel } from './panels/ControlsPanel';
import { DataPanel } from './panels/DataPanel';
import { DownloadPanel } from './components/DownloadPanel';
import { ImportRuns } from './components/ImportRuns';
import { GhostStore } from './import/ghostStore';
import { ProbeImports } from './import/probeImports';
import { ImportProbe } from './components/ImportProbe';
import { ExportButton } from './components/ExportButton';
import { exportTorchProject } from './exportTorch';
import type { EvalChart } from './panels/EvalCharts';
import { EvalCharts } from './panels/EvalCharts';
import { ComparisonProgress } from './components/ComparisonProgress';
import { Stage } from './components/Stage';
import { ResultsPanel } from './panels/ResultsPanel';
import { StatusPanel } from './panels/StatusPanel';
import { SweepPanel } from './panels/SweepPanel';
import { RestorePrompt } from './components/RestorePrompt';
import { defaultWorkers } from './pool/plan';
import { useStoreSelector } from './store/select';
import { selectPage } from './store/selectors';
import { YourFaces } from './components/YourFaces';
import { useTraining } from './useTraining';
import { useExperimentSetup } from './useExperimentSetup';
import { Hideable, TeacherContext } from './teacher';

// Accuracy and ROC follow the verdict, under the stage (the difference chart is in it).
const MORE_CHARTS: readonly EvalChart[] = ['accuracy', 'roc'];

// This tab's comparison before a reload (read before this page's first comparison takes the slot).
const ownStored = tabComparisonKey();

/** The page's query as main.tsx read it (pageQuery.ts): its well-formed pairs and the malformed ones named. */
export function App({ query }: { query: PageQuery }) {
  const [decoded] = useState(() => decodePage(query.params));
  const [urlProblems] = useState(() => [...query.problems, ...decoded.problems]);
  const checkpointEvery = decoded.checkpointEvery;
  // The series hidden from the charts' legends (hideSeries=): each chart subscribes to its own, the link to all.
  const [chartSeries] = useState(() => new HiddenSeriesStore(decoded.hiddenSeries));
  const hiddenSeries = useSyncExternalStore(chartSeries.subscribe, chartSeries.snapshot);
  // Teacher mode (hide=, lock=1) is the link's, kept as it is in every link the page writes.
  const teacher = decoded.page.teacher;
  const setup = useExperimentSetup(decoded);
  const { preset, config, seeds, workers, backend } = setup;
  const [band, setBand] = useState<BandKind>('sd');
  // The config the current session trains (the form may be edited after a Pause): what the overview draws.
  const [sessionConfig, setSessionConfig] = useState<ExperimentConfig | null>(null);
  // The comparisons previous visits kept (checked; malformed ones too), offered until one is restored or another starts.
  const offer = useStoredComparisons();
  const training = useTraining(checkpointEvery);
  const { store } = training;
  // Imported run files, drawn as ghosts: kept across Reset and new sessions, until removed.
  const [ghosts] = useState(() => new GhostStore());
  // Probes brought in with "Import probe", each shown while the comparison it was evaluated on is current.
  const [probes] = useState(() => new ProbeImports());
  const page = useStoreSelector(store, selectPage);
  usePageLifecycle(page.playing, training.hidden);

  const link = usePageLink({
    preset,
    config,
    backend,
    seeds,
    workers,
    teacher,
    checkpointEvery,
    hiddenSeries,
    sweep: setup.sweep,
  });

  const canTrain = setup.errors.size === 0;
  const start = (c: ExperimentConfig, then: 'play' | 'step' | 'none', list = seeds) => {
    offer.dismiss();
    setSessionConfig(c);
    training.start(setup.sessionSetup(c, list), then);
  };
  const restore = (kept: SavedComparison, key: string) => {
    setup.applySaved(kept.setup);
    offer.dismiss();
    setSessionConfig(kept.setup.config);
    training.restore(kept, key);
  };

  return (
    // Teacher mode: Hideable panels read hide= from here.
    <TeacherContext.Provider value={teacher}>
      <HiddenSeriesContext.Provider value={chartSeries}>
        <main>
          <header className="topbar">
            <h1>MASST Playground</h1>
            <p className="lead">
              Conventional, SST and MASST face-embedding training, side by side, on the same synthetic faces and the
              same batches.
            </p>
            <PanelBoundary name="backend badge">
              <BackendBadge report={page.backend} />
            </PanelBoundary>
          </header>
          {offer.stored.length > 0 && page.phase === 'idle' && (
            // A stored comparison of the wrong shape could fail here on every load: Try again cannot help, Discard can.
            <PanelBoundary
              name="restore prompt"
              actions={
                // Every stored comparison: a record that breaks the prompt breaks it on every load.
                <button type="button" onClick={offer.discardAll}>
                  Discard stored comparisons
                </button>
              }
            >
              <RestorePrompt
                stored={offer.stored}
                own={ownStored}
                openElsewhere={offer.openElsewhere}
                onRestore={restore}
                onDiscard={offer.discard}
              />
            </PanelBoundary>
          )}
          <PanelBoundary name="alerts">
            <Alerts
              urlProblems={urlProblems}
              linkProblem={link.ok ? null : link.message}
              errors={page.errors}
              onDismiss={training.dismissErrors}
            />
          </PanelBoundary>
          {teacher.lock && (
            <p className="locked-note">
              This link fixes the configuration (lock=1): the form is read-only; Train, Pause and Step work.
            </p>
          )}
          {/*
        The one-screen rule (docs/page.md#layout): from 1100 px wide the settings sit in a side
        column that scrolls on its own, so opening a group of fields never pushes the results down;
        the stage beside it keeps the run bar, the method and faces, the loss and difference charts
        and the verdict within one screen at 1280×800 and 1920×1080.
      */}
          <div className="layout">
            <aside className="settings" aria-label="Experiment settings">
              <Hideable name="scenarios">
                <PanelBoundary name="guided scenarios">
                  <GuidedScenarios
                    disabled={teacher.lock || page.playing || page.phase === 'starting'}
                    onLoad={setup.loadScenario}
                  />
                </PanelBoundary>
              </Hideable>
              <Hideable name="form">
                <PanelBoundary name="experiment form">
                  <Controls
                    preset={preset}
                    config={config}
                    seeds={seeds}
                    workers={workers}
                    backend={backend}
                    errors={setup.errors}
                    // From Train until the workers train, and while they do, the form cannot change what the
                    // session runs: an edit then would show settings that are not the ones trained.
                    // lock=1: a teacher's link shows exactly its configuration.
                    disabled={teacher.lock || page.playing || page.phase === 'starting'}
                    onPreset={setup.choosePreset}
                    onChange={setup.edit}
                    onFirstSeed={setup.setFirstSeed}
                    onSeedCount={setup.setSeedCount}
                    onWorkers={setup.setWorkers}
                    onBackend={setup.setBackend}
                  />
                </PanelBoundary>
              </Hideable>
              <Hideable name="data">
                <PanelBoundary name="Your faces panel">
                  <YourFaces
                    choice={setup.folder}
                    onChoice={setup.chooseFolder}
                    fitted={setup.fitted}
                    disabled={teacher.lock || page.playing || page.phase === 'starting'}
                  />
                </PanelBoundary>
              </Hideable>
            </aside>
            <div className="stage-column">
              {/* Train, Pause and Step with the comparison's progress, in view while the page scrolls. */}
              <div className="run-bar">
                <Hideable name="controls">
                  <PanelBoundary name="run controls">
                    <ControlsPanel
                      store={store}
                      canTrain={canTrain}
                      onTrain={() =>
                        training.isCurrent(setup.sessionSetup(config)) ? training.play() : start(config, 'play')
                      }
                      onPause={training.pause}
                      onStep={() =>
                        training.isCurrent(setup.sessionSetup(config)) ? training.step() : start(config, 'step')
                      }
                      onReset={() => start(config, 'none')}
                      onNewSeed={() => {
                        const list = setup.newSeeds();
                        if (page.phase !== 'idle') start(withSeeds(config, list), 'none', list);
                      }}
                    />
                  </PanelBoundary>
                </Hideable>
                <PanelBoundary name="comparison progress">
                  <ComparisonProgress store={store} />
                </PanelBoundary>
              </div>
              <Stage
                store={store}
                phase={page.phase}
                shown={sessionConfig ?? config}
                seed={seeds[0] ?? config.seed}
                folder={setup.folder !== null}
                band={band}
                runSeeds={page.seeds}
                onBand={setBand}
                ghosts={ghosts}
                probes={probes}
                onStepSlowly={training.stepSlowly}
                onSpeed={training.setSpeed}
              />
              <div className="results-column">
                <Hideable name="status">
                  <PanelBoundary name="list of runs">
                    <StatusPanel store={store} />
                  </PanelBoundary>
                </Hideable>
                <section className="charts">
                  <PanelBoundary name="evaluation charts">
                    <EvalCharts store={store} ghosts={ghosts} band={band} charts={MORE_CHARTS} />
                  </PanelBoundary>
                </section>
                <Hideable name="results">
                  <PanelBoundary name="results table">
                    <ResultsPanel store={store} ghosts={ghosts} probes={probes} />
                  </PanelBoundary>
                </Hideable>
                <Hideable name="export">
                  <PanelBoundary name="download and export buttons">
                    <DownloadPanel
                      store={store}
                      session={training.sessionData}
                      preset={preset}
                      probeWeights={training.probeWeights}
                      link={link.ok ? `${window.location.origin}${window.location.pathname}?${link.query}` : null}
                    />
                    <ExportButton
                      onExport={() =>
                        exportTorchProject(
                          training.sessionData(),
                          `the playground page's Export as PyTorch project (${window.location.pathname}${window.location.search})`,
                        )
                      }
                    />
                  </PanelBoundary>
                </Hideable>
                <Hideable name="import">
                  <PanelBoundary name="run import">
                    <ImportRuns ghosts={ghosts} />
                  </PanelBoundary>
                  <PanelBoundary name="probe import">
                    <ImportProbe store={store} probes={probes} session={training.sessionData} />
                  </PanelBoundary>
                </Hideable>
                <PanelBoundary name="analysis charts">
                  <AnalysisPanel store={store} ghosts={ghosts} band={band} onSlice={training.landscape} />
                </PanelBoundary>
                <Hideable name="sweep">
                  <PanelBoundary name="Sweep section">
                    <SweepPanel
                      preset={preset}
                      config={config}
                      seeds={seeds}
                      backend={backend}
                      workers={workers ?? defaultWorkers(navigator.hardwareConcurrency, backend)}
                      setup={setup.sweep}
                      onSetup={setup.setSweep}
                      pool={training.sweepPool}
                      onShow={training.show}
                      busy={
                        page.playing || page.phase === 'starting'
                          ? 'Pause the comparison first: a sweep trains on the same workers.'
                          : null
                      }
                      locked={teacher.lock}
                    />
                  </PanelBoundary>
                </Hideable>
                <Hideable name="dataset">
                  <PanelBoundary name="data view">
                    <DataPanel store={store} onCleared={training.forget} />
                  </PanelBoundary>
                </Hideable>
              </div>
            </div>
          </div>
          <Hideable name="help">
            <PanelBoundary name="How it works section">
              <HowItWorks />
            </PanelBoundary>
          </Hideable>
        </main>
      </HiddenSeriesContext.Provider>
    </TeacherContext.Provider>
  );
}
