/**
 * The paired differences as a real table (accessible name "Paired differences"): one row per
 * comparison, mean ± sd of the per-seed difference and how many seeds are positive.
 */
import { memo } from 'react';
import type { PairedRow } from '../../core/stats/paired';
import { formatCell } from '../../core/stats/paired';

export const PairedTable = memo(function PairedTable({ paired, totalSteps }: { paired: { step: number; rows: PairedRow[] } | null; totalSteps: number }) {
  if (!paired || paired.rows.length === 0) return null;
  const when = paired.step === totalSteps ? 'after the last step' : `at step ${paired.step} of ${totalSteps}`;
  return (
    <table className="results paired" aria-label="Paired differences">
      <caption>Paired differences, by seed ({when}): mean ± sd of A − B over seeds · seeds where A − B &gt; 0</caption>
      <thead>
        <tr>
          <th scope="col">Comparison</th>
          <th scope="col">10-fold accuracy</th>
          <th scope="col">AUC</th>
        </tr>
      </thead>
      <tbody>
        {paired.rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td>{formatCell(r.accuracy)}</td>
            <td>{formatCell(r.auc)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});
