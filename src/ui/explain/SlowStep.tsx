/**
 * "Step slowly": the next iteration of every run, with the shown run's stages walked through one
 * at a time (every STAGE_MS, or with Previous / Next), each with the numbers of that very
 * iteration; the current stage carries aria-current="step" here and in the model overview.
 */
import { useEffect, useId, useState } from 'react';
import { HelpTip } from '../components/Help';
import { BUTTON_HELP } from '../help';
import type { SlowStepTrace, Stage } from '../../core/train/trace';
import { stagesOf } from '../../core/train/trace';
import { STAGE_TITLES, stageText } from './stageText';

export const STAGE_MS = 1500;

interface Props {
  trace: SlowStepTrace | null;
  /** Whether a slow step can start (paused, built, a run shown). */
  canStep: boolean;
  onStepSlowly: () => void;
  /** The stage shown, for the overview. */
  onStage: (stage: Stage | null) => void;
}

export function SlowStep({ trace, canStep, onStepSlowly, onStage }: Props) {
  const stages = trace ? stagesOf(trace.method) : [];
  const [index, setIndex] = useState(0);
  const [playing, setPlaying] = useState(false);
  const helpId = useId();
  // A new trace starts the walk from its first stage.
  useEffect(() => {
    setIndex(0);
    setPlaying(trace !== null);
  }, [trace]);
  useEffect(() => {
    if (!playing) return;
    if (index >= stages.length - 1) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => setIndex((i) => i + 1), STAGE_MS);
    return () => clearTimeout(timer);
  }, [playing, index, stages.length]);
  const stage = trace ? (stages[index] ?? null) : null;
  useEffect(() => onStage(stage), [stage, onStage]);
  return (
    <div className="slow-step">
      <div className="row">
        <span className="has-help">
          <button type="button" disabled={!canStep} onClick={onStepSlowly} aria-describedby={`${helpId}-slow`}>
            Step slowly
          </button>
          <HelpTip id={`${helpId}-slow`} text={BUTTON_HELP['Step slowly'] ?? ''} />
        </span>
        {trace && (
          <>
            <button
              type="button"
              disabled={index === 0}
              onClick={() => {
                setPlaying(false);
                setIndex((i) => Math.max(0, i - 1));
              }}
            >
              Previous stage
            </button>
            <button
              type="button"
              disabled={index >= stages.length - 1}
              onClick={() => {
                setPlaying(false);
                setIndex((i) => Math.min(stages.length - 1, i + 1));
              }}
            >
              Next stage
            </button>
            <span className="caption">
              Step {trace.step} of {trace.method === 'conventional' ? 'Conventional' : trace.method.toUpperCase()}: the
              same iteration training runs.
            </span>
          </>
        )}
      </div>
      {trace && (
        <ol className="stages">
          {stages.map((s, i) => (
            <li
              key={s}
              aria-current={i === index ? 'step' : undefined}
              className={i === index ? 'current' : i < index ? 'done' : ''}
            >
              <strong>{STAGE_TITLES[s]}.</strong> {i <= index ? stageText(s, trace) : ''}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
