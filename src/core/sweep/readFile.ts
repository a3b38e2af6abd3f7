/**
 * Reading a sweep.json someone imports on the page ("Import sweep"; the file `npm run sweep`
 * writes): every way it can be wrong gets a message naming the file, the field path, the value as
 * the file wrote it and what is allowed, and a file with any problem is refused whole. Only this
 * build's SWEEP_VERSION is read, and only a finished sweep (a file written at a sweep's start, or
 * left by Ctrl-C, has no cells). A sweep trained by the exported PyTorch project says so
 * (`source: "pytorch"`, backend "pytorch") and is read the same way, shown as PyTorch's. What it
 * returns is what the heatmap and the cell details draw.
 */
import { clipText } from '../clipText';
import { quoteValue } from '../fileValues';
import { comparisons } from '../stats/paired';
import type { SweepFile } from './file';
import { PYTORCH_SWEEP_BACKEND, SWEEP_BACKENDS, SWEEP_VERSION } from './file';
import type { CellContext } from './fileChecks';
import { cellProblems, HUGE, isObject, readPairedCell } from './fileChecks';
import { MAX_AXES, MAX_CELLS, sweepSpecFromJson } from './spec';

/** Bytes of one sweep.json: 64 cells of 9 methods on 16 seeds is about 3 MB; past 16 MB it is not one. */
export const MAX_SWEEP_BYTES = 16 * 1024 * 1024;
const SHOWN_PROBLEMS = 5;

export type SweepFileResult = { ok: true; file: SweepFile } | { ok: false; message: string };

const mb = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** The refusal of a file of `bytes` bytes, or null when it may be read. */
export function sweepSizeProblem(name: string, bytes: number): string | null {
  return bytes > MAX_SWEEP_BYTES
    ? `${clipText(name)}: it is ${mb(bytes)}; this page reads sweep files of up to ${mb(MAX_SWEEP_BYTES)}. Nothing of it was loaded.`
    : null;
}

/** The spec, backend, methods and top-level fields: the problems, or the context the cells are checked in. */
function headProblems(data: Record<string, unknown>, text: string): string[] | CellContext {
  const q = (x: unknown) => quoteValue(x, text);
  let spec;
  try {
    spec = sweepSpecFromJson(data.spec, 'spec');
  } catch (e) {
    return [e instanceof Error ? e.message : String(e)];
  }
  const out: string[] = [];
  if (spec.axes.length < 1 || spec.axes.length > MAX_AXES)
    out.push(`spec.axes has ${spec.axes.length} axes: expected 1 to ${MAX_AXES}`);
  const cells = spec.axes.reduce((n, a) => n * a.values.length, 1);
  if (cells < 1 || cells > MAX_CELLS) out.push(`spec.axes make ${cells} cells: expected 1 to ${MAX_CELLS}`);
  if (spec.seeds.length === 0) out.push('spec.seeds is []: expected at least one seed');
  if (data.source === undefined) {
    if (!SWEEP_BACKENDS.some((b) => b === data.backend))
      out.push(
        `backend is ${q(data.backend)}: expected one of ${SWEEP_BACKENDS.join(', ')} (or "${PYTORCH_SWEEP_BACKEND}" with source "pytorch")`,
      );
  } else if (data.source !== 'pytorch') {
    out.push(
      `source is ${q(data.source)}: expected "pytorch" (the exported PyTorch project's run_sweep.py), or no source (npm run sweep)`,
    );
  } else if (data.backend !== PYTORCH_SWEEP_BACKEND) {
    out.push(`backend is ${q(data.backend)}: expected "${PYTORCH_SWEEP_BACKEND}", as source is "pytorch"`);
  }
  const methods = data.methods;
  if (
    !Array.isArray(methods) ||
    methods.length < 1 ||
    methods.length > 10 ||
    !methods.every((m) => typeof m === 'string') ||
    new Set(methods).size !== methods.length
  ) {
    out.push(
      `methods is ${q(methods)}: expected the list of 1 to 10 distinct method labels, e.g. ["SST", "MASST K=4"]`,
    );
  }
  if (!Array.isArray(data.notes) || !data.notes.every((n) => typeof n === 'string'))
    out.push(`notes is ${q(data.notes)}: expected a list of strings`);
  if (!(typeof data.wallSeconds === 'number' && data.wallSeconds >= 0 && data.wallSeconds <= HUGE))
    out.push(`wallSeconds is ${q(data.wallSeconds)}: expected seconds from 0 to ${HUGE}`);
  const runs = data.runs;
  for (const k of ['grid', 'distinct', 'trained', 'reused']) {
    const v = isObject(runs) ? runs[k] : undefined;
    if (!Number.isSafeInteger(v) || (v as number) < 0) out.push(`runs.${k} is ${q(v)}: expected a whole number from 0`);
  }
  if (!Array.isArray(data.cells))
    out.push(`cells is ${q(data.cells)}: expected a list of ${cells} cells, one per setting of spec.axes`);
  else if (data.cells.length !== cells)
    out.push(
      `cells has ${data.cells.length} cell${data.cells.length === 1 ? '' : 's'}: expected ${cells} cells, one per setting of spec.axes`,
    );
  if (out.length > 0) return out;
  const labels = methods as string[];
  return {
    text,
    axes: spec.axes,
    methods: labels,
    seeds: spec.seeds,
    pairs: comparisons(labels).map(([a, b]) => `${a} − ${b}`),
  };
}

export function parseSweepFile(name: string, text: string): SweepFileResult {
  const refuse = (why: string): SweepFileResult => ({ ok: false, message: `${clipText(name)}: ${why}` });
  const size = sweepSizeProblem(name, text.length);
  if (size !== null) return { ok: false, message: size };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return refuse(`it is not JSON (${clipText(e instanceof Error ? e.message : String(e))}).`);
  }
  if (!isObject(data))
    return refuse(
      'it is JSON but not a sweep file: expected an object with version, spec and cells (the sweep.json npm run sweep writes).',
    );
  if (data.version === undefined)
    return refuse(
      `it has no version field: expected a sweep.json written by npm run sweep (version ${SWEEP_VERSION}).`,
    );
  if (data.version !== SWEEP_VERSION) {
    return refuse(
      `its version is ${quoteValue(data.version, text)}: this page reads sweep files of version ${SWEEP_VERSION} (SWEEP_VERSION) only; run the sweep again with this build's npm run sweep, or load a build of its version.`,
    );
  }
  if (data.complete !== true) {
    return refuse(
      `complete is ${quoteValue(data.complete, text)}: it is the file a sweep writes when it starts (or keeps after Ctrl-C), without results; expected a finished sweep (complete: true): run npm run sweep -- --resume DIR to finish it.`,
    );
  }
  const head = headProblems(data, text);
  const problems = Array.isArray(head) ? head : (data.cells as unknown[]).flatMap((c, i) => cellProblems(c, i, head));
  if (problems.length > 0) {
    const more = problems.length > SHOWN_PROBLEMS ? `; and ${problems.length - SHOWN_PROBLEMS} more` : '';
    return refuse(`${problems.slice(0, SHOWN_PROBLEMS).join('; ')}${more}. Nothing of it was loaded.`);
  }
  return { ok: true, file: withNaNs(data as unknown as SweepFile) };
}

/** The file with JSON's nulls in paired cells read back as the NaNs the runner wrote. */
function withNaNs(file: SweepFile): SweepFile {
  const read = <T>(c: T): T => (c === null ? c : (readPairedCell(c as unknown as Record<string, unknown>) as T));
  return {
    ...file,
    cells: file.cells.map((c) => ({
      ...c,
      pairs: c.pairs.map((p) => ({
        ...p,
        accuracy: read(p.accuracy),
        auc: read(p.auc),
        lipschitz: read(p.lipschitz),
        beta: read(p.beta),
      })),
    })),
  };
}
