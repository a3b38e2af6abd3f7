/**
 * The experiment the page is set up to run: the preset, the form's settings, the seeds, the pool
 * size, the backend, the Sweep section's setup and the chosen faces folder, starting from what
 * the page's link asked for (decodePage). It owns only the setup; starting, restoring and showing
 * a comparison stay with the page, which calls these setters as the form, a scenario, a restored
 * comparison or New seed change the setup.
 */
import { useMemo, useState } from 'react';
import type { BackendChoice } from '../core/backends';
import type { ExperimentConfig } from '../core/config';
import type { PresetName } from '../core/presets';
import { presetConfig } from '../core/presets';
import { consecutiveSeeds, defaultSeeds } from '../core/seeds';
import { seedListProblem, withSeeds } from '../core/seedList';
import type { PageSweepSetup } from '../core/sweep/sweepQuery';
import type { DecodedPage } from '../core/urlParams';
import { decodePage } from '../core/urlParams';
import { validate } from '../core/validate';
import type { FolderChoice } from './faces/folderChoice';
import { choiceFromSource, fitToFolder, fittedText } from './faces/folderChoice';
import { defaultWorkers } from './pool/plan';
import type { Scenario } from './scenarios';
import type { SavedSetup } from './storage/comparisonStore';
import type { SessionSetup } from './useTraining';

export interface ExperimentSetup {
  preset: PresetName;
  /** The form's settings with the seeds applied: config.seed is the first seed. */
  config: ExperimentConfig;
  seeds: number[];
  /** The pool size asked for; null: as many as the machine and backend suit (defaultWorkers). */
  workers: number | null;
  backend: BackendChoice;
  /** The Sweep section's setup (axes, methods, seeds), kept in the link like the form. */
  sweep: PageSweepSetup;
  folder: FolderChoice | null;
  /** What a chosen folder lowered in the form, said to the user; null when nothing was lowered. */
  fitted: string | null;
  /** validate(config) by field: the form shows each message, Train needs none. */
  errors: ReadonlyMap<string, string>;
  /** Edits a copy of the form's settings. */
  edit(change: (draft: ExperimentConfig) => void): void;
  /** A preset's settings and its default seeds. */
  choosePreset(name: PresetName): void;
  setFirstSeed(first: number): void;
  setSeedCount(n: number): void;
  /** The next seeds after every current one, set and returned, so no seed repeats. */
  newSeeds(): number[];
  setWorkers(workers: number | null): void;
  setBackend(backend: BackendChoice): void;
  setSweep(setup: PageSweepSetup): void;
  chooseFolder(choice: FolderChoice | null): void;
  /** A scenario sets the form as its link would: its query decoded by decodePage. */
  loadScenario(s: Scenario): void;
  /** A stored comparison's setup, as it was trained. */
  applySaved(saved: SavedSetup): void;
  /** What a session with config `c` and seeds `list` trains, the pool size resolved. */
  sessionSetup(c: ExperimentConfig, list?: number[]): SessionSetup;
}

export function useExperimentSetup(decoded: DecodedPage): ExperimentSetup {
  const [preset, setPreset] = useState<PresetName>(decoded.url.preset);
  // The form's settings and the seeds; config.seed is the first seed, derived, never set by hand.
  const [form, setForm] = useState<ExperimentConfig>(decoded.url.config);
  const [seeds, setSeeds] = useState<number[]>(decoded.page.seeds);
  const config = useMemo(() => withSeeds(form, seeds), [form, seeds]);
  const [workers, setWorkers] = useState<number | null>(decoded.page.workers);
  const [backend, setBackend] = useState<BackendChoice>(decoded.url.backend);
  const [sweep, setSweep] = useState<PageSweepSetup>(decoded.sweep);
  const [folder, setFolder] = useState<FolderChoice | null>(null);
  const [fitted, setFitted] = useState<string | null>(null);
  const errors = useMemo(() => new Map(validate(config).map((i) => [i.field, i.message])), [config]);

  const edit = (change: (draft: ExperimentConfig) => void) => {
    const next = structuredClone(form);
    change(next);
    setForm(next);
  };
  return {
    preset,
    config,
    seeds,
    workers,
    backend,
    sweep,
    folder,
    fitted,
    errors,
    edit,
    choosePreset: (name) => {
      const next = presetConfig(name);
      setPreset(name);
      setForm(next);
      setSeeds(defaultSeeds(name, next.seed));
    },
    // The Seed field: the others follow the first as consecutive seeds; a value that is no seed is kept
    // as it is, so validate() names it (consecutiveSeeds would wrap it into one).
    setFirstSeed: (first) =>
      setSeeds(seedListProblem([first]) === null ? consecutiveSeeds(first, seeds.length) : [first, ...seeds.slice(1)]),
    setSeedCount: (n) => setSeeds(consecutiveSeeds(config.seed, n)),
    newSeeds: () => {
      const list = consecutiveSeeds((Math.max(...seeds) + 1) >>> 0, seeds.length);
      setSeeds(list);
      return list;
    },
    setWorkers,
    setBackend,
    setSweep,
    // A chosen folder lowers the identity counts the form asks for to what the folder offers.
    chooseFolder: (choice) => {
      setFolder(choice);
      const fit = choice === null ? null : fitToFolder(choice, config.data);
      setFitted(fit === null ? null : fittedText(config.data, fit));
      if (fit !== null) edit((d) => Object.assign(d.data, fit));
    },
    loadScenario: (s) => {
      const d = decodePage(new URLSearchParams(s.query));
      setPreset(d.url.preset);
      setForm(d.url.config);
      setSeeds(d.page.seeds);
    },
    applySaved: (saved) => {
      setPreset(saved.preset);
      setForm(saved.config);
      setSeeds(saved.seeds);
      setBackend(saved.backend);
      setWorkers(saved.workers);
      setFolder(saved.folder ? choiceFromSource(saved.folder) : null);
      setFitted(null);
    },
    sessionSetup: (c, list = seeds) => ({
      preset,
      config: c,
      seeds: list,
      backend,
      workers: workers ?? defaultWorkers(navigator.hardwareConcurrency, backend),
      folder: folder?.source ?? null,
    }),
  };
}
