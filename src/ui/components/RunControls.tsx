/** Train/Pause, Step, Reset and New seed, with the live speed. */
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

export function RunControls(p: Props) {
  return (
    <div className="run-controls">
      {p.playing ? (
        <button type="button" onClick={p.onPause}>Pause</button>
      ) : (
        <button type="button" className="primary" disabled={!p.canTrain} onClick={p.onTrain}>Train</button>
      )}
      <button type="button" disabled={p.playing || !p.canTrain} onClick={p.onStep}>Step</button>
      <button type="button" disabled={!p.canTrain || !p.hasSession} onClick={p.onReset}>Reset</button>
      <button type="button" disabled={p.playing} onClick={p.onNewSeed}>New seed</button>
      <span className="speed">{p.stepsPerSecond > 0 ? `${p.stepsPerSecond.toFixed(2)} steps/s` : ''}</span>
    </div>
  );
}
