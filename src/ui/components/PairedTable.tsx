/**
 * The paired differences as a real table (accessible name "Paired differences"): one row per
 * comparison, mean ± sd of the per-seed difference and how many seeds are positive. Imported run
 * files (ghosts) add their own comparisons after the live ones, labelled with their file.
 */
import { memo } from 'react';
import type { PairedRow } from '../../core/stats/paired';
import { formatCell } from '../../core/stats/paired';

interface Props {
  paired: { step: number; rows: PairedRow[] } | null;
  totalSteps: number;
  /** Labelled "<file>: A − B" (import/ghostTables.ts). */
  ghostRows?: readonly PairedRow[];
}

const NO_ROWS: readonly PairedRow[] = [];

function Row({ row, imported }: { row: PairedRow; imported: boolean }) {
  return (
    <tr className={imported ? 'ghost' : undefined}>
      <th scope="row">
        {row.label}
        {imported && (
          <>
            {' '}
            <span className="badge">imported</span>
          </>
        )}
      </th>
      <td>{formatCell(row.accuracy)}</td>
      <td>{formatCell(row.auc)}</td>
    </tr>
  );
}

export const PairedTable = memo(function PairedTable({ paired, totalSteps, ghostRows = NO_ROWS }: Props) {
  const live = paired?.rows ?? [];
  if (live.length === 0 && ghostRows.length === 0) return null;
  // Imported rows alone: their files' final evaluations.
  const when =
    paired === null || live.length === 0
      ? 'imported runs, after their last step'
      : paired.step === totalSteps
        ? 'after the last step'
        : `at step ${paired.step} of ${totalSteps}`;
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
        {live.map((r) => (
          <Row key={r.label} row={r} imported={false} />
        ))}
        {ghostRows.map((r) => (
          <Row key={r.label} row={r} imported />
        ))}
      </tbody>
    </table>
  );
});
