/**
 * "Import run": pick or drop run files (results.json from this page's "Download results" or from
 * the runner); each good one is drawn as a ghost beside the live runs until removed, each bad one
 * gets an alert naming the file and what is wrong and changes nothing. Files are read in this
 * browser; nothing is uploaded.
 */
import { useEffect, useState } from 'react';
import type { DragEvent } from 'react';
import type { GhostStore } from '../import/ghostStore';
import { readRunFiles } from '../import/readRunFiles';
import { configSteps } from '../import/tolerant';
import { fromPytorch } from '../../core/results/resultsFile';
import { useGhosts } from '../import/useGhosts';

const hasFiles = (e: DragEvent | globalThis.DragEvent) => e.dataTransfer?.types.includes('Files') === true;

export function ImportRuns({ ghosts }: { ghosts: GhostStore }) {
  const loaded = useGhosts(ghosts);
  const [refused, setRefused] = useState<string[]>([]);
  const [over, setOver] = useState(false);
  // A file dropped beside the zone would make the browser open it in place of the page, and the comparison would be lost.
  useEffect(() => {
    const keep = (e: globalThis.DragEvent) => hasFiles(e) && e.preventDefault();
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);
  const take = async (files: File[]) => {
    if (files.length === 0) return;
    const read = await readRunFiles(files);
    const refused: string[] = [];
    for (const r of read) {
      const full = r.ok ? ghosts.refusal(r.name, r.file.runs.length) : r.message;
      if (full !== null) refused.push(full);
      else if (r.ok) ghosts.add(r.name, r.file, r.note);
    }
    setRefused(refused);
  };
  return (
    <section className="import" aria-label="Import runs">
      <label className="import-pick">
        Import run{' '}
        <input
          type="file"
          accept=".json,application/json"
          multiple
          aria-label="Import run"
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            // Cleared so that picking the same file again (after removing it) imports it again.
            e.currentTarget.value = '';
            void take(files);
          }}
        />
      </label>
      <div
        className={over ? 'dropzone over' : 'dropzone'}
        role="region"
        aria-label="Drop run files here"
        onDragOver={(e) => {
          if (!hasFiles(e)) return;
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void take([...e.dataTransfer.files]);
        }}
      >
        Drop run files here (results.json from Download results or the runner); they are drawn dashed beside the live
        runs.
      </div>
      {refused.map((m, i) => (
        <p key={`${i}-${m}`} className="alert error" role="alert">
          {m}
        </p>
      ))}
      {loaded.length > 0 && (
        <ul className="ghosts" aria-label="Imported runs">
          {loaded.map((g) => (
            <li key={g.id}>
              {g.fileName}
              {fromPytorch(g.file) ? ' (PyTorch)' : ''}: {g.file.runs.length} runs, {configSteps(g.file)} steps
              {g.file.complete === false ? ' (partial)' : ''}
              {g.note === undefined ? '' : ` (${g.note})`}{' '}
              <button type="button" aria-label={`Remove ${g.fileName}`} onClick={() => ghosts.remove(g.id)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
