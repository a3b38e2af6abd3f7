/**
 * A pool worker's entry: one Session at a time; an init replaces the current session (after its
 * operation in progress finishes). Commands go to the session's run control, which reports every
 * failure with the session's sessionId; nothing here can kill the worker.
 */
import type { FromWorker, ToWorker } from './protocol';
import { assertNever } from './protocol';
import { Session } from './session';
import { selectBackend } from './backend';
import { runTrial } from './backendChooser';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: FromWorker, transfer: Transferable[] = []): void => scope.postMessage(msg, transfer);

let session: Session | null = null;

function reportError(sessionId: number, e: unknown): void {
  post({ type: 'error', sessionId, message: e instanceof Error ? e.message : String(e) });
}

async function handle(msg: ToWorker): Promise<void> {
  switch (msg.type) {
    case 'init': {
      const previous = session;
      session = new Session(msg.sessionId, msg.worker, post);
      const current = session;
      await previous?.dispose();
      await current.init(msg);
      return;
    }
    case 'trialBackend':
      await runTrial(msg, post);
      return;
    case 'faces':
      if (session?.sessionId === msg.sessionId) session.receiveFaces(msg.seed, msg.bytes);
      return;
    case 'play':
      if (session?.sessionId === msg.sessionId) session.control.play();
      return;
    case 'pause':
      if (session?.sessionId === msg.sessionId) session.control.pause();
      return;
    case 'step':
      if (session?.sessionId === msg.sessionId) session.control.step();
      return;
    case 'stepSlowly':
      if (session?.sessionId === msg.sessionId) session.control.step(msg.unit);
      return;
    case 'speed':
      if (session?.sessionId === msg.sessionId) session.control.setSpeed(msg.stepsPerSecond);
      return;
    case 'landscape':
      if (session?.sessionId === msg.sessionId) session.control.landscape(msg.dims);
      return;
    case 'checkpointNow':
      if (session?.sessionId === msg.sessionId) session.control.checkpointNow();
      return;
    case 'probeWeights':
      if (session?.sessionId === msg.sessionId) await session.sendProbe(msg.unit, msg.request);
      return;
    case 'selectBackend': {
      const previous = session;
      session = null;
      await previous?.dispose();
      // A sweep asks which backend its runs are keyed by: 'auto' without a trial falls back to the adapter's name.
      post({
        type: 'backend',
        sessionId: msg.sessionId,
        report: await selectBackend({ choice: msg.choice, threads: 1, measurement: null, trialFailure: null }),
      });
      return;
    }
    default:
      assertNever(msg);
  }
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  handle(event.data).catch((e: unknown) => reportError(event.data.sessionId, e));
};
