/**
 * "Your faces": pick or drop a folder in LFW layout to train and evaluate on it instead of the
 * synthetic faces. The folder is described here (listing and pairs.txt only); its images are
 * decoded by the training workers. Nothing leaves the browser.
 */
import { useState } from 'react';
import type { DragEvent } from 'react';
import type { FolderChoice } from '../faces/folderChoice';
import { readFolderChoice } from '../faces/folderChoice';
import { droppedFiles, pickedFiles } from '../faces/dropFolder';

interface Props {
  choice: FolderChoice | null;
  onChoice: (choice: FolderChoice | null) => void;
  /** What choosing the folder changed in the form, said beside it (e.g. "Training IDs 64 → 16"). */
  fitted: string | null;
  disabled: boolean;
}

const SHOWN_PROBLEMS = 20;

export function YourFaces({ choice, onChoice, fitted, disabled }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const take = async (files: Array<{ path: string; file: File }>) => {
    if (files.length === 0) return;
    const result = await readFolderChoice(files);
    if (result.ok) {
      setError(null);
      onChoice(result.choice);
    } else setError(result.message);
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    void droppedFiles(e.dataTransfer).then(take, (err: unknown) =>
      setError(
        `Your faces: the dropped folder could not be read (${err instanceof Error ? err.message : String(err)}).`,
      ),
    );
  };
  const l = choice?.listing;
  return (
    <section className="your-faces" aria-label="Your faces section">
      <h2>Faces</h2>
      <p>
        {choice === null ? (
          'Synthetic faces generated from the seed.'
        ) : (
          <>
            Your faces from <strong>{l?.root || 'the dropped files'}</strong>: {l?.identities.length} identities,{' '}
            {l?.imageCount} images;{' '}
            {choice.pairs
              ? `${choice.pairs.pairs.length} pairs from pairs.txt (${choice.pairs.format === 'lfw-10-fold' ? "LFW's 10 folds" : 'folds dealt round-robin'})`
              : 'no pairs.txt: pairs are sampled over held-out identities by the seed'}
            .
          </>
        )}
        {choice !== null && (
          <>
            {' '}
            <button type="button" onClick={() => onChoice(null)} disabled={disabled}>
              Use synthetic faces
            </button>
          </>
        )}
        {choice !== null && (
          <>
            <br />
            <small>
              The folder stays in this browser: Copy link carries the configuration, not the faces; whoever opens it
              picks their own folder.
            </small>
          </>
        )}
      </p>
      <label>
        Your faces{' '}
        <input
          type="file"
          aria-label="Your faces"
          multiple
          disabled={disabled}
          {...{ webkitdirectory: '', directory: '' }}
          onChange={(e) => {
            const list = e.currentTarget.files;
            if (list) void take(pickedFiles(list));
            e.currentTarget.value = '';
          }}
        />
      </label>
      <div
        className={over ? 'dropzone over' : 'dropzone'}
        role="region"
        aria-label="Drop a face folder here"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        Drop a face folder here: Person_Name/Person_Name_0001.jpg (JPEG or PNG), optionally with LFW's pairs.txt. Images
        are decoded in this browser; nothing is uploaded.
      </div>
      {fitted !== null && <p role="status">Fitted to the folder: {fitted}.</p>}
      {error !== null && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
      {choice !== null && choice.problems.length > 0 && (
        <details className="alert">
          <summary>
            {choice.problems.length} file{choice.problems.length === 1 ? '' : 's'} or line
            {choice.problems.length === 1 ? '' : 's'} skipped
          </summary>
          <ul>
            {choice.problems.slice(0, SHOWN_PROBLEMS).map((p) => (
              <li key={p}>{p}</li>
            ))}
            {choice.problems.length > SHOWN_PROBLEMS && <li>and {choice.problems.length - SHOWN_PROBLEMS} more</li>}
          </ul>
        </details>
      )}
    </section>
  );
}
