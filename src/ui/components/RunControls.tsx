/** Train/Pause (one toggling button), Step, Reset and New seed, with the live speed. */
interface Props {
  playing: boolean;
  /** The form is valid. */
  canTrain: boolean;
  hasSession: boolean;
  stepsPerSecond: number;
  onTrain: () => void;
  onPause: () => void;
  onStep: () => void;
  onReset: () => void;
  onNewSeed: () => void;
}

export function RunControls(p: Props) {
  return (
    <div className="run-controls">
      <button type="button" className="primary" disabled={!p.playing && !p.canTrain} onClick={p.playing ? p.onPause : p.onTrain}>
        {p.playing ? 'Pause' : 'Train'}
      </button>
      <button type="button" disabled={p.playing || !p.canTrain} onClick={p.onStep}>Step</button>
      <button type="button" disabled={!p.canTrain || !p.hasSession} onClick={p.onReset}>Reset</button>
      <button type="button" disabled={p.playing} onClick={p.onNewSeed}>New seed</button>
      <span className="speed" aria-live="off">{p.playing && p.stepsPerSecond > 0 ? `${p.stepsPerSecond.toFixed(2)} steps/s` : ''}</span>
      {!p.canTrain && <span className="field-error">Fix the highlighted settings to train.</span>}
    </div>
  );
}
