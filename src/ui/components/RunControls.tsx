/** Train/Pause, Step, Reset and New seed, with the live speed; each button's help on hover and focus. */
import type { ReactNode } from 'react';
import { useId } from 'react';
import { BUTTON_HELP } from '../help';
import { HelpTip } from './Help';
export interface RunActions {
  onTrain: () => void;
  onPause: () => void;
  onStep: () => void;
  onReset: () => void;
  onNewSeed: () => void;
}

interface Props extends RunActions {
  playing: boolean;
  canTrain: boolean;
  hasSession: boolean;
  stepsPerSecond: number;
}

/** A button (its name unchanged) with its help text, described by it. */
function HelpButton({
  name,
  disabled,
  className,
  onClick,
}: {
  name: keyof typeof BUTTON_HELP & string;
  disabled?: boolean;
  className?: string;
  onClick: () => void;
}): ReactNode {
  const id = useId();
  const text = BUTTON_HELP[name];
  return (
    <span className="has-help">
      <button
        type="button"
        className={className}
        disabled={disabled}
        aria-describedby={text ? id : undefined}
        onClick={onClick}
      >
        {name}
      </button>
      {text && <HelpTip id={id} text={text} />}
    </span>
  );
}

export function RunControls(p: Props) {
  return (
    <div className="run-controls">
      {p.playing ? (
        <HelpButton name="Pause" onClick={p.onPause} />
      ) : (
        <HelpButton name="Train" className="primary" disabled={!p.canTrain} onClick={p.onTrain} />
      )}
      <HelpButton name="Step" disabled={p.playing || !p.canTrain} onClick={p.onStep} />
      <HelpButton name="Reset" disabled={!p.canTrain || !p.hasSession} onClick={p.onReset} />
      <HelpButton name="New seed" disabled={p.playing} onClick={p.onNewSeed} />
      <span className="speed">{p.stepsPerSecond > 0 ? `${p.stepsPerSecond.toFixed(2)} steps/s` : ''}</span>
    </div>
  );
}
