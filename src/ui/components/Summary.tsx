/** The paired table in words, shown once every run has finished (core/stats/verdict.ts). */
import type { PairedRow } from '../../core/stats/paired';
import { summarySentence } from '../../core/stats/verdict';

export function Summary({ rows }: { rows: readonly PairedRow[] }) {
  const text = summarySentence(rows);
  if (text === '') return null;
  return (
    <section className="summary" aria-label="What the comparison found">
      <p>{text}</p>
    </section>
  );
}
