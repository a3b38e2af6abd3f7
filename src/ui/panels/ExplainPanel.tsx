/**
 * The method explained: before a comparison starts, the model overview of a chosen method drawn
 * from the configuration alone (step 0); while it trains, that of a chosen run of the first seed
 * (live: active agent, queue pointer, loss), Step slowly with its stage walk, the speed cap, and
 * the queue, agent timeline and embedding views. Subscribed to its own slice (selectExplain), so
 * it follows the store's ~4 updates a second and never the workers' step rate.
 */
import { memo, useEffect, useId, useMemo, useState } from 'react';
import type { ExperimentConfig } from '../../core/config';
import { runLabel } from '../../core/config';
import type { Stage } from '../../core/train/trace';
import { AgentTimeline } from '../explain/AgentTimeline';
import { EmbeddingsView } from '../explain/EmbeddingsView';
import { ModelOverview } from '../explain/ModelOverview';
import { QueueView } from '../explain/QueueView';
import { SlowStep } from '../explain/SlowStep';
import { imageUrls } from '../explain/thumbnails';
import { useStoreSelector } from '../store/select';
import { Hideable } from '../teacher';
import { HelpHeading, HelpTip } from '../components/Help';
import { FIELD_HELP } from '../help';
import { selectExplain } from '../store/selectors';
import type { Store } from '../store/store';
import type { ProbeImports } from '../import/probeImports';
import { probeEmbeddingPanels } from '../import/probeImports';
import { useCurrentProbes } from '../import/useProbeImports';

/** Speed choices, steps per second (null: full speed). */
export const SPEEDS: ReadonlyArray<{ label: string; value: number | null }> = [
  { label: 'Full speed', value: null },
  { label: '10 steps/s', value: 10 },
  { label: '2 steps/s', value: 2 },
  { label: '0.5 steps/s', value: 0.5 },
];

interface Props {
  store: Store;
  /** The session's config (the form's while no session differs from it). */
  config: ExperimentConfig;
  onStepSlowly: (unit: number) => void;
  onSpeed: (stepsPerSecond: number | null) => void;
  /** Probes brought in with "Import probe": the current comparison's are drawn as ghosts. */
  probes: ProbeImports;
}

export const ExplainPanel = memo(function ExplainPanel({ store, config, onStepSlowly, onSpeed, probes }: Props) {
  const s = useStoreSelector(store, selectExplain);
  const imported = useCurrentProbes(probes, store);
  const [chosen, setChosen] = useState<number | null>(null);
  // Before a comparison starts: the index of the method drawn among the form's (config.runs).
  const [chosenSpec, setChosenSpec] = useState(-1);
  const [stage, setStage] = useState<Stage | null>(null);
  const [speed, setSpeed] = useState<number | null>(null);
  const helpId = useId();
  // Default: the first MASST run, else SST, else the first.
  const fallback =
    s.runs.find((r) => r.spec.method === 'masst') ?? s.runs.find((r) => r.spec.method === 'sst') ?? s.runs[0];
  const shown = s.runs.find((r) => r.unit === chosen) ?? fallback;
  // Keyed on the pixels, not on `s.sample`: the slice is rebuilt with every loss batch, and two
  // PNG encodes per batch were the page's costliest script while training (~3 s of toDataURL in a
  // 60-step demo on 2 workers, CPU profile).
  const pixels = s.sample?.pixels ?? null;
  const size = s.sample?.size ?? 0;
  const channels = s.sample?.channels ?? 1;
  const views = useMemo(() => (pixels ? imageUrls(pixels, 2, size, channels) : []), [pixels, size, channels]);
  useEffect(() => setStage(null), [shown?.unit]);
  const speedControl = (
    <label className="field has-help">
      <span className="field-label">Speed</span>
      <HelpTip id={`${helpId}-speed`} text={FIELD_HELP.Speed ?? ''} />
      <select
        aria-describedby={`${helpId}-speed`}
        aria-label="Speed"
        value={speed === null ? 'full' : String(speed)}
        onChange={(e) => {
          const v = e.target.value === 'full' ? null : Number(e.target.value);
          setSpeed(v);
          onSpeed(v);
        }}
      >
        {SPEEDS.map((o) => (
          <option key={o.label} value={o.value === null ? 'full' : String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  if (!shown) {
    // No comparison yet: the method drawn from the configuration alone, at step 0 (queue empty,
    // agent 1 active), for the method picked among the form's (MASST first, as for runs).
    const specs = config.runs;
    const pick =
      specs[chosenSpec] ?? specs.find((r) => r.method === 'masst') ?? specs.find((r) => r.method === 'sst') ?? specs[0];
    return (
      <section className="explain" aria-labelledby="panel-overview">
        <HelpHeading panel="overview">How one iteration works</HelpHeading>
        <div className="row">
          {specs.length > 1 && pick && (
            <label className="field has-help">
              <span className="field-label">Run shown</span>
              <HelpTip id={`${helpId}-run`} text={FIELD_HELP['Run shown'] ?? ''} />
              <select
                aria-label="Run shown"
                aria-describedby={`${helpId}-run`}
                value={specs.indexOf(pick)}
                onChange={(e) => setChosenSpec(Number(e.target.value))}
              >
                {specs.map((r, i) => (
                  <option key={runLabel(r)} value={i}>
                    {runLabel(r)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {speedControl}
        </div>
        {pick ? (
          <ModelOverview
            method={pick.method}
            agents={pick.method === 'masst' ? pick.agents : 1}
            activeAgent={0}
            agentUpdate={config.masst.agentUpdate}
            queueSize={config.gallery.queueSize}
            batchSize={config.batchSize}
            pointer={0}
            trainIds={config.data.trainIds}
            step={0}
            loss={null}
            views={null}
            stage={null}
          />
        ) : (
          <p className="empty">Pick at least one method to see it drawn.</p>
        )}
      </section>
    );
  }
  const method = shown.spec.method;
  const k = method === 'masst' ? shown.spec.agents : 1;
  const perAgent = method === 'masst' && config.masst.queueMode === 'perAgent';
  const trace = s.trace !== null && s.trace.unit === shown.unit ? s.trace.trace : null;
  // While a slow step is walked through, the drawing shows that iteration, not the next one.
  const walking = trace !== null && stage !== null;
  const activeAgent = walking ? (trace.gallery?.agent ?? 0) : shown.step % k;
  const queue = shown.queue?.queues[perAgent ? activeAgent : 0] ?? null;
  const pointer = walking ? (trace.queue?.pointer ?? 0) : (queue?.pointer ?? 0);
  const canStep = s.phase === 'ready' && !s.playing && shown.diverged === null && shown.step < config.steps;
  return (
    <section className="explain" aria-labelledby="panel-overview">
      <HelpHeading panel="overview">How one iteration works</HelpHeading>
      <div className="row">
        <label className="field has-help">
          <span className="field-label">Run shown</span>
          <HelpTip id={`${helpId}-run`} text={FIELD_HELP['Run shown'] ?? ''} />
          <select
            aria-label="Run shown"
            aria-describedby={`${helpId}-run`}
            value={shown.unit}
            onChange={(e) => setChosen(Number(e.target.value))}
          >
            {s.runs.map((r) => (
              <option key={r.unit} value={r.unit}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        {speedControl}
      </div>
      <ModelOverview
        method={method}
        agents={k}
        activeAgent={activeAgent}
        agentUpdate={config.masst.agentUpdate}
        queueSize={config.gallery.queueSize}
        batchSize={config.batchSize}
        pointer={pointer}
        trainIds={config.data.trainIds}
        step={walking ? trace.step : shown.step}
        loss={walking ? trace.loss.total : shown.loss}
        views={views.length === 2 ? [views[0] as string, views[1] as string] : null}
        stage={stage}
      />
      <Hideable name="slow">
        <SlowStep trace={trace} canStep={canStep} onStepSlowly={() => onStepSlowly(shown.unit)} onStage={setStage} />
      </Hideable>
      <div className="explain-views">
        {shown.queue && (
          <Hideable name="queue">
            <QueueView queues={shown.queue.queues} collisions={shown.queue.collisions} agents={k} perAgent={perAgent} />
          </Hideable>
        )}
        {method === 'masst' && (
          <Hideable name="timeline">
            <AgentTimeline masst={config.masst} agents={k} step={shown.step} />
          </Hideable>
        )}
      </div>
      <Hideable name="embeddings">
        <EmbeddingsView
          panels={[
            ...s.runs.map((r) => ({ label: r.label, view: r.embeddings })),
            ...probeEmbeddingPanels(imported.current, imported.sessionId),
          ]}
        />
      </Hideable>
    </section>
  );
});
