/**
 * The "Sweep" section: Import sweep (pick or drop a runner's sweep.json; read in this browser,
 * nothing is uploaded, a bad file is refused with its message and changes nothing), a select of
 * the method pair to colour by, the heatmap, and the details of the cell clicked. Training sweeps
 * on the page's worker pool is a later step: sweeps come from `npm run sweep`.
 */
import { useState } from 'react';
import type { DragEvent } from 'react';
import type { SweepFile } from '../../core/sweep/file';
import { pairLabels } from '../../core/sweep/heatCells';
import { SweepHeatmap } from '../charts/SweepHeatmap';
import { SweepDetails } from '../components/SweepDetails';
import { readSweepFile } from '../import/readSweepFile';

interface Loaded {
  name: string;
  file: SweepFile;
}

/** The second method against the baseline (comparisons() order), e.g. MASST K=2 − SST. */
const defaultPair = (file: SweepFile): string => pairLabels(file.methods)[0] ?? '';

export function SweepPanel() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [pair, setPair] = useState('');
  const [selected, setSelected] = useState<number | null>(null);
  const [over, setOver] = useState(false);
  const take = async (f: File | undefined) => {
    if (f === undefined) return;
    const r = await readSweepFile(f);
    if (!r.ok) return setRefused(r.message);
    setRefused(null);
    setLoaded({ name: f.name, file: r.file });
    setPair(defaultPair(r.file));
    setSelected(null);
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void take(e.dataTransfer.files[0]);
  };
  const pairs = loaded === null ? [] : pairLabels(loaded.file.methods);
  return (
    <section className="sweep" aria-labelledby="sweep-heading" onDragOver={(e) => {
      if (!e.dataTransfer.types.includes('Files')) return;
      e.preventDefault();
      setOver(true);
    }} onDragLeave={() => setOver(false)} onDrop={drop}>
      <h2 id="sweep-heading">Sweep</h2>
      <p>Sweeps are trained with <code>npm run sweep</code> (see README); import its sweep.json here.</p>
      <label className={over ? 'import-pick dropzone over' : 'import-pick'}>
        Import sweep{' '}
        <input type="file" accept=".json,application/json" aria-label="Import sweep" onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          void take(f);
        }} />
        {' '}(or drop it on this section)
      </label>
      {refused !== null && <p className="alert error" role="alert">{refused}</p>}
      {loaded !== null && (
        <>
          <p>
            {loaded.name}: {loaded.file.cells.length} cells × {loaded.file.methods.length} methods × {loaded.file.spec.seeds.length} seeds ({loaded.file.spec.seeds.join(', ')}), preset {loaded.file.spec.preset}, {loaded.file.backend};
            {' '}{loaded.file.runs.distinct} distinct runs ({loaded.file.runs.trained} trained, {loaded.file.runs.reused} reused).
            {loaded.file.notes.map((n) => ` Note: ${n}.`).join('')}
          </p>
          <label>
            Colour by{' '}
            <select value={pair} onChange={(e) => setPair(e.currentTarget.value)}>
              {pairs.map((p) => <option key={p} value={p}>{p}</option>)}
            </select>
          </label>
          <SweepHeatmap file={loaded.file} pair={pair} selected={selected} onSelect={setSelected} />
          {selected === null ? <p>Click a cell (or Tab to it and press Enter) for its paired table.</p> : <SweepDetails file={loaded.file} index={selected} />}
        </>
      )}
    </section>
  );
}
