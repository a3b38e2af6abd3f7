/**
 * How much this page keeps in the browser (the generated faces, bounded, oldest dropped first; the
 * last comparisons with their checkpoints, comparisonStore.ts MAX_KEPT; the sweeps' finished runs,
 * runStore.ts RUN_STORE_BOUNDS) and a control that removes it all. Nothing stored ever leaves the
 * browser.
 */
import { useEffect, useState } from 'react';
import { clearComparison, comparisonUsage } from '../storage/comparisonStore';
import type { StorageUsage } from '../../storage/datasetStore';
import { clearStoredData, MAX_BYTES, storageUsage } from '../../storage/datasetStore';
import { clearKeptBackendChoices } from '../storage/backendChoices';
import { clearRunStore, runStoreUsage } from '../storage/runStoreDb';

interface Usage extends StorageUsage {
  comparison: { stored: number; bytes: number };
  runs: { runs: number; bytes: number };
}

async function usageNow(): Promise<Usage> {
  const [faces, comparison, runs] = await Promise.all([storageUsage(), comparisonUsage(), runStoreUsage()]);
  return { ...faces, comparison, runs };
}

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/**
 * `refresh` changes whenever something may have been stored (a new dataset view, a step reached);
 * `onCleared` stops the current comparison from being kept again.
 */
export function StoredData({ refresh, onCleared }: { refresh: unknown; onCleared: () => Promise<void> }) {
  const [usage, setUsage] = useState<Usage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let live = true;
    void usageNow().then((u) => live && setUsage(u));
    return () => {
      live = false;
    };
  }, [refresh, asked]);
  if (usage === null) return null;
  const clear = () => {
    onCleared()
      .then(() => Promise.all([clearStoredData(), clearComparison(), clearRunStore(), clearKeptBackendChoices()]))
      .then(
        () => setError(null),
        (e: unknown) => setError(`Clearing the stored data failed: ${e instanceof Error ? e.message : String(e)}`),
      )
      .finally(() => setAsked((n) => n + 1));
  };
  return (
    <p className="stored-data">
      Stored in this browser: {usage.datasets} dataset{usage.datasets === 1 ? '' : 's'} of faces, {mb(usage.bytes)} MB
      (at most {mb(MAX_BYTES)} MB; the least recently used go first)
      {usage.comparison.stored > 0
        ? `, and ${usage.comparison.stored === 1 ? '1 comparison with its' : `${usage.comparison.stored} comparisons with their`} checkpoints, ${mb(usage.comparison.bytes)} MB`
        : ''}
      {usage.runs.runs > 0
        ? `, and ${usage.runs.runs} sweep run${usage.runs.runs === 1 ? '' : 's'} in the run store, ${mb(usage.runs.bytes)} MB`
        : ''}
      .{' '}
      <button
        type="button"
        onClick={clear}
        disabled={usage.datasets === 0 && usage.comparison.stored === 0 && usage.runs.runs === 0}
      >
        Clear stored data
      </button>
      {error !== null && <span role="alert"> {error}</span>}
    </p>
  );
}
