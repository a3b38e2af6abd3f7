/**
 * The benchmark page (bench.html). Each run measures one backend in a fresh worker (a backend's
 * state never leaks into the next) and adds a row to the table. `?backend=NAME[&quick=0|1]`
 * starts a run on load, `?oneRun=PRESET&threads=N&steps=S` times one run on the wasm backend on
 * N threads (oneRun.ts); `npm run bench` drives the page that way in Chromium and reads
 * `window.benchReply`.
 */
import type { BackendName } from '../core/backends';
import { BACKEND_CHOICES } from '../core/backends';
import { PRESET_NAMES } from '../core/presets';
import type { PresetName } from '../core/presets';
import type { BackendTimes } from './measure';
import type { BenchReply, BenchRequest } from './protocol';

declare global {
  interface Window {
    /** The last run's outcome: a result or an error. */
    benchReply?: BenchReply;
    /** What the current run has measured so far, and on which adapter. */
    benchPartial?: { adapter: string; times: Partial<BackendTimes> };
  }
}

const BACKENDS = BACKEND_CHOICES.filter((b): b is BackendName => b !== 'auto');
const form = document.getElementById('form') as HTMLFormElement;
const select = form.elements.namedItem('backend') as HTMLSelectElement;
const quickBox = form.elements.namedItem('quick') as HTMLInputElement;
const status = document.getElementById('status') as HTMLParagraphElement;
const table = document.getElementById('results') as HTMLTableElement;

for (const b of BACKENDS) select.add(new Option(b, b));

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

function addRow(backend: string, adapter: string, t: BackendTimes): void {
  const cells = [
    backend,
    adapter,
    ms(t.reference),
    ms(t.sst),
    ms(t.masst),
    (t.masst / t.sst).toFixed(3),
    ms(t.probe),
    ms(t.slice1d),
  ];
  const row = table.tBodies[0]?.insertRow();
  for (const text of cells) (row?.insertCell() as HTMLTableCellElement).textContent = text;
  table.hidden = false;
}

function showError(message: string): void {
  status.textContent = message;
  status.className = 'error';
}

function run(request: BenchRequest): Promise<void> {
  const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' });
  const button = form.querySelector('button') as HTMLButtonElement;
  button.disabled = true;
  status.className = '';
  const name =
    request.kind === 'backend' ? request.backend : `one ${request.preset} run on ${request.threads} thread(s)`;
  status.textContent = `starting ${name}…`;
  return new Promise((resolve) => {
    worker.onmessage = (e: MessageEvent<BenchReply>) => {
      const reply = e.data;
      if (reply.type === 'progress') {
        status.textContent = reply.text;
        return;
      }
      if (reply.type === 'partial') {
        window.benchPartial = { adapter: reply.adapter, times: reply.times };
        status.textContent = `${name}: measured ${Object.keys(reply.times).join(', ')}…`;
        return;
      }
      if (reply.type === 'result') {
        addRow(reply.backend, reply.adapter, reply.times);
        status.textContent = `${reply.backend} done.`;
      } else if (reply.type === 'oneRun')
        status.textContent = `${name}: ${ms(reply.times.msPerStep)} ms/step on ${reply.threads} thread(s).`;
      else showError(reply.message);
      window.benchReply = reply;
      worker.terminate();
      button.disabled = false;
      resolve();
    };
    worker.postMessage(request);
  });
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  void run({ kind: 'backend', backend: select.value as BackendName, quick: quickBox.checked });
});

/** The run the URL asks for, or an error naming the bad parameter; null when it asks for none. */
function requestFromUrl(params: URLSearchParams): BenchRequest | string | null {
  const oneRun = params.get('oneRun');
  if (oneRun !== null) {
    if (!(PRESET_NAMES as readonly string[]).includes(oneRun))
      return `oneRun="${oneRun}" is not allowed: expected one of ${PRESET_NAMES.join(', ')}.`;
    const threads = Number(params.get('threads') ?? '1');
    const steps = Number(params.get('steps') ?? '10');
    if (!Number.isInteger(threads) || threads < 1 || threads > 8)
      return `threads="${params.get('threads')}" is not allowed: expected an integer from 1 to 8.`;
    if (!Number.isInteger(steps) || steps < 2 || steps > 1000)
      return `steps="${params.get('steps')}" is not allowed: expected an integer from 2 to 1000.`;
    return { kind: 'oneRun', preset: oneRun as PresetName, threads, steps };
  }
  const backend = params.get('backend');
  const quick = params.get('quick') ?? '1';
  if (backend === null) return null;
  if (!(BACKENDS as readonly string[]).includes(backend))
    return `backend="${backend}" is not allowed: expected one of ${BACKENDS.join(', ')}.`;
  if (quick !== '0' && quick !== '1') return `quick="${quick}" is not allowed: expected 0 or 1.`;
  return { kind: 'backend', backend: backend as BackendName, quick: quick === '1' };
}

const fromUrl = requestFromUrl(new URLSearchParams(location.search));
if (typeof fromUrl === 'string') {
  showError(fromUrl);
  window.benchReply = { type: 'error', message: fromUrl };
} else if (fromUrl !== null) {
  if (fromUrl.kind === 'backend') {
    select.value = fromUrl.backend;
    quickBox.checked = fromUrl.quick;
  }
  void run(fromUrl);
}
