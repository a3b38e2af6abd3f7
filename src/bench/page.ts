/**
 * The benchmark page (bench.html). Each run measures one backend in a fresh worker (a backend's
 * state never leaks into the next) and adds a row to the table. `?backend=NAME[&quick=0|1]`
 * starts a run on load; `npm run bench` drives the page that way in Chromium and reads
 * `window.benchReply`.
 */
import type { BackendName } from '../core/backends';
import { BACKEND_CHOICES } from '../core/backends';
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
  const cells = [backend, adapter, ms(t.reference), ms(t.sst), ms(t.masst), (t.masst / t.sst).toFixed(3), ms(t.probe), ms(t.slice1d)];
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
  status.textContent = `starting ${request.backend}…`;
  return new Promise((resolve) => {
    worker.onmessage = (e: MessageEvent<BenchReply>) => {
      const reply = e.data;
      if (reply.type === 'progress') {
        status.textContent = reply.text;
        return;
      }
      if (reply.type === 'partial') {
        window.benchPartial = { adapter: reply.adapter, times: reply.times };
        status.textContent = `${request.backend}: measured ${Object.keys(reply.times).join(', ')}…`;
        return;
      }
      if (reply.type === 'result') {
        addRow(reply.backend, reply.adapter, reply.times);
        status.textContent = `${reply.backend} done.`;
      } else showError(reply.message);
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
  void run({ backend: select.value as BackendName, quick: quickBox.checked });
});

/** The run the URL asks for, or an error naming the bad parameter; null when it asks for none. */
function requestFromUrl(params: URLSearchParams): BenchRequest | string | null {
  const backend = params.get('backend');
  const quick = params.get('quick') ?? '1';
  if (backend === null) return null;
  if (!(BACKENDS as readonly string[]).includes(backend)) return `backend="${backend}" is not allowed: expected one of ${BACKENDS.join(', ')}.`;
  if (quick !== '0' && quick !== '1') return `quick="${quick}" is not allowed: expected 0 or 1.`;
  return { backend: backend as BackendName, quick: quick === '1' };
}

const fromUrl = requestFromUrl(new URLSearchParams(location.search));
if (typeof fromUrl === 'string') {
  showError(fromUrl);
  window.benchReply = { type: 'error', message: fromUrl };
} else if (fromUrl !== null) {
  select.value = fromUrl.backend;
  quickBox.checked = fromUrl.quick;
  void run(fromUrl);
}
