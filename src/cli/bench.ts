/**
 * npm run bench [-- --quick] [--backends wasm,cpu]: speed of the training paths per Node
 * backend, measured side by side in one run, as a table on stdout and bench/results.json.
 * Where `python3 -c "import torch"` works it also times the reference step in PyTorch and prints
 * our ratio to it.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { presetConfig } from '../core/presets';
import type { NodeBackend } from './backend-node';
import { NODE_BACKENDS, useNodeBackend } from './backend-node';
import type { BackendTimes } from './bench/measure';
import { measureBackend } from './bench/measure';
import { measureRendering } from './bench/rendering';

function parse(argv: string[]): { quick: boolean; backends: NodeBackend[] } {
  let quick = false;
  let backends: NodeBackend[] = [...NODE_BACKENDS];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--quick') quick = true;
    else if (argv[i] === '--backends') {
      const list = (argv[++i] ?? '').split(',');
      const bad = list.find((b) => !(NODE_BACKENDS as readonly string[]).includes(b));
      if (bad !== undefined) throw new Error(`--backends "${bad}" is not allowed: expected a list of ${NODE_BACKENDS.join(', ')}`);
      backends = list as NodeBackend[];
    } else throw new Error(`flag "${argv[i]}" is not allowed: expected --quick or --backends LIST`);
  }
  return { quick, backends };
}

function torchMs(quick: boolean): number | null {
  try {
    const out = execFileSync('python3', ['bench/reference_step.py', quick ? '5' : '20'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return Number(out.trim());
  } catch {
    return null;
  }
}

const f = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

async function main(): Promise<void> {
  const { quick, backends } = parse(process.argv.slice(2));
  const times: Record<string, BackendTimes> = {};
  for (const b of backends) {
    process.stderr.write(`measuring ${b}…\n`);
    await useNodeBackend(b);
    times[b] = await measureBackend(b, quick);
  }
  const rendering = await measureRendering(quick ? 40 : 200);
  const torch = torchMs(quick);
  const pick = (k: keyof BackendTimes) => Object.fromEntries(Object.entries(times).map(([b, t]) => [b, t[k]]));
  const results = {
    machine: { node: process.version, quick },
    reference: { ...pick('reference'), ...(torch !== null ? { pytorch: torch } : {}) },
    sst: pick('sst'),
    masst: pick('masst'),
    masstOverSst: Object.fromEntries(Object.entries(times).map(([b, t]) => [b, t.masst / t.sst])),
    probe: pick('probe'),
    slice1d: pick('slice1d'),
    imagesPerSecond: rendering,
  };
  await mkdir('bench', { recursive: true });
  await writeFile('bench/results.json', `${JSON.stringify(results, null, 1)}\n`);
  const a = presetConfig('shallow').analysis;
  const lines = [
    `median ms after warm-up (${quick ? 'quick' : 'full'}); SST/MASST: one step of the shallow preset (small backbone, 32 px, batch 32)`,
    `backend  reference  SST      MASST K=4  MASST/SST  probe (+${1 + a.etaPoints} fwd/bwd)  1-D slice (${a.gridPoints} fwd)`,
    ...Object.entries(times).map(([b, t]) =>
      `${b.padEnd(8)} ${f(t.reference).padEnd(10)} ${f(t.sst).padEnd(8)} ${f(t.masst).padEnd(10)} ${(t.masst / t.sst).toFixed(3).padEnd(10)} ${f(t.probe).padEnd(22)} ${f(t.slice1d)}`),
    torch !== null
      ? `PyTorch reference step: ${f(torch)} ms; ours/PyTorch: ${Object.entries(times).map(([b, t]) => `${b} ${(t.reference / torch).toFixed(1)}×`).join(', ')}`
      : 'PyTorch: not installed here (python3 -c "import torch" fails), no ratio measured',
    `faces rendered: ${rendering.toFixed(0)} images/s (32 px grey, one core)`,
    'wrote bench/results.json',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
