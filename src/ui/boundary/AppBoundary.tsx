/**
 * The page's last line: an error no panel caught (or one while the page loads) shows what failed
 * and the ways out that need nothing of the page but this: discard the stored comparison, clear the
 * stored data (datasets and the sweeps' run store; a stored record that breaks every load is one
 * cause), and reload. Never a blank page.
 */
import { useState } from 'react';
import type { ReactNode } from 'react';
import { clearComparison } from '../storage/comparisonStore';
import { clearStoredData } from '../../storage/datasetStore';
import { clearKeptBackendChoices } from '../storage/backendChoices';
import { clearRunStore } from '../storage/runStoreDb';
import { ErrorBoundary } from './ErrorBoundary';
import { errorText } from './errorText';

export interface Recovery {
  discardComparison: () => Promise<void>;
  clearData: () => Promise<void>;
  reload: () => void;
}

const RECOVERY: Recovery = {
  discardComparison: clearComparison,
  clearData: () => Promise.all([clearStoredData(), clearRunStore(), clearKeptBackendChoices()]).then(() => undefined),
  reload: () => window.location.reload(),
};

/** Runs one way out and says how it went: a failure here is shown too, never thrown. */
function useOutcome(): [string | null, (what: string, act: () => Promise<void>) => void] {
  const [outcome, setOutcome] = useState<string | null>(null);
  const run = (what: string, act: () => Promise<void>) => {
    setOutcome(`${what}…`);
    act().then(
      () => setOutcome(`${what}: done. Reload to start again.`),
      (e: unknown) => setOutcome(`${what} failed: ${errorText(e)}`),
    );
  };
  return [outcome, run];
}

export function AppError({ error, recovery = RECOVERY }: { error: unknown; recovery?: Recovery }) {
  const [outcome, run] = useOutcome();
  return (
    <main>
      <h1>MASST Playground</h1>
      <section className="alert error app-error" role="alert" aria-label="The page failed">
        <p>
          <strong>The page failed:</strong> {errorText(error)}.
        </p>
        <p>
          If it fails again after a reload, a comparison or data stored in this browser may be the cause: discard the
          stored comparison, or clear all stored data (the generated datasets, the sweeps' stored runs and the
          comparison), then reload.
        </p>
        <button type="button" onClick={() => run('Discard stored comparison', recovery.discardComparison)}>
          Discard stored comparison
        </button>{' '}
        <button
          type="button"
          onClick={() =>
            run('Clear stored data', async () => {
              await recovery.clearData();
              await recovery.discardComparison();
            })
          }
        >
          Clear stored data
        </button>{' '}
        <button type="button" onClick={recovery.reload}>
          Reload
        </button>
        {outcome !== null && <p role="status">{outcome}</p>}
      </section>
    </main>
  );
}

export function AppBoundary({ children }: { children: ReactNode }) {
  return <ErrorBoundary fallback={(error) => <AppError error={error} />}>{children}</ErrorBoundary>;
}
