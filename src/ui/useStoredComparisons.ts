/**
 * The comparisons earlier visits kept (storage/comparisonStore.ts), as the page offers them: loaded
 * and checked once when the page opens (malformed records included, so the prompt can name them),
 * with the keys another open tab holds (Web Locks), until one is restored, discarded or another
 * comparison starts.
 */
import { useEffect, useState } from 'react';
import type { StoredComparison } from './storage/comparisonStore';
import { clearComparison, loadComparisons, removeComparison } from './storage/comparisonStore';
import { heldKeys } from './comparisonKey';

export interface StoredComparisons {
  /** The records on offer (empty once the offer is over). */
  stored: StoredComparison[];
  /** Keys of stored comparisons that another open tab keeps, as of the page's load. */
  openElsewhere: ReadonlySet<string>;
  /** Ends the offer; the records stay stored (a comparison started or restored). */
  dismiss(): void;
  /** Removes one record from the offer and from the browser. */
  discard(key: string): void;
  /** Removes every stored comparison (the restore prompt's own error box). */
  discardAll(): void;
}

export function useStoredComparisons(): StoredComparisons {
  const [stored, setStored] = useState<StoredComparison[]>([]);
  const [openElsewhere, setOpenElsewhere] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    let live = true;
    void Promise.all([loadComparisons(), heldKeys()]).then(([kept, held]) => {
      if (!live) return;
      setStored(kept);
      setOpenElsewhere(held);
    });
    return () => {
      live = false;
    };
  }, []);
  return {
    stored,
    openElsewhere,
    dismiss: () => setStored([]),
    discard: (key) => {
      setStored((list) => list.filter((s) => s.key !== key));
      void removeComparison(key);
    },
    discardAll: () => {
      setStored([]);
      void clearComparison();
    },
  };
}
