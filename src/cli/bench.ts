/**
 * npm run bench [-- --quick] [--node LIST] [--chromium LIST] […] (every flag: --help, bench/args.ts):
 * speed of the training paths per backend, measured side by side in one run, in Node (wasm, cpu, webgpu through
 * Dawn) and in the system Chromium (webgpu, webgl, wasm, cpu, through bench.html), as a table on
 * stdout and bench/results.json. A Chromium backend that runs past its minutes keeps what it
 * measured by then. Where `python3 -c "import torch"` works it also times the reference step in
 * PyTorch and prints our ratio to it.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { BackendTimes } from '../bench/measure';
import { measureBackend } from '../bench/measure';
import { presetConfig } from '../core/presets';
import type { NodeBackend } from './backend-node';
import { useNodeBackend } from './backend-node';
import { BENCH_COMMAND, parseBenchArgs } from './bench/args';
import { measureInChromium } from './bench/chromium';
import { longTaskLine } from './bench/longTasks';
import { BASELINE_PATH, LIVE_EVERY, measurePageDemo, measurePagePool } from './bench/pagePool';
import { measurePool } from './bench/pool';
import { measureWasmProfile, wasmProfileLines } from './bench/profile';
import { measureRendering } from './bench/rendering';
import { measureSweepCost, sweepCostLine } from './bench/sweepCost';
import { measureThreads, threadsLine } from './bench/threads';
import { helpText } from './flags/help';
import { wantsHelp } from './flags/parse';
import { terminalSafeLines } from './terminalSafe';
import { systemHasVulkanLoader } from './vulkan-env';
import { ensureNodeGpuAdapter, nodeGpuAdapter } from './webgpu-node';

/**
 * Node backends measured when --node is not given: wasm and cpu, plus webgpu where Dawn finds a
 * hardware adapter without help (a GPU server). On SwiftShader WebGPU is slow and Chromium's
 * webgpu row already shows it; ask for it with --node wasm,cpu,webgpu.
 */
async function defaultNodeBackends(): Promise<NodeBackend[]> {
  const adapter = systemHasVulkanLoader() ? await nodeGpuAdapter() : null;
  return adapter !== null && !adapter.software ? ['wasm', 'cpu', 'webgpu'] : ['wasm', 'cpu'];
}

function torchMs(quick: boolean): number | null {
  try {
    const out = execFileSync('python3', ['bench/reference_step.py', quick ? '5' : '20'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return Number(out.trim());
  } catch {
    return null;
  }
}

/** ms as printed; '—' for a time not measured. */
const f = (ms: number | undefined) => (ms === undefined ? '—' : ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

const ratio = (t: Partial<BackendTimes>) =>
  t.masst !== undefined && t.sst !== undefined ? t.masst / t.sst : undefined;

function tableLines(times: Record<string, Partial<BackendTimes>>, adapters: Record<string, string>): string[] {
  const a = presetConfig('shallow').analysis;
  return [
    `backend           reference  SST      MASST K=4  MASST/SST  probe (+${1 + a.etaPoints} fwd/bwd)  1-D slice (${a.gridPoints} fwd)  adapter`,
    ...Object.entries(times).map(
      ([b, t]) =>
        `${b.padEnd(17)} ${f(t.reference).padEnd(10)} ${f(t.sst).padEnd(8)} ${f(t.masst).padEnd(10)} ${(ratio(t)?.toFixed(3) ?? '—').padEnd(10)} ${f(t.probe).padEnd(22)} ${f(t.slice1d).padEnd(19)} ${adapters[b] ?? ''}`,
    ),
  ];
}

/** Puts the baseline page where the preview server serves it, checked first so a wrong build fails now, not after the other measurements. */
async function placeBaseline(dir: string): Promise<void> {
  const html = await readFile(`${dir}/index.html`, 'utf8').catch(() => {
    throw new Error(
      `--page-baseline "${dir}" is not allowed: it has no index.html (build one with npx vite build --base /${BASELINE_PATH} --outDir DIR).`,
    );
  });
  if (!html.includes(`/${BASELINE_PATH}assets/`))
    throw new Error(`--page-baseline "${dir}" is not allowed: its page was not built with --base /${BASELINE_PATH}.`);
  await cp(dir, `dist/${BASELINE_PATH}`, { recursive: true });
}

async function main(): Promise<void> {
  if (wantsHelp(process.argv.slice(2))) {
    process.stdout.write(helpText(BENCH_COMMAND));
    return;
  }
  const args = parseBenchArgs(process.argv.slice(2));
  if (args.profileOnly) {
    const profile = await measureWasmProfile(args.quick);
    await mkdir('bench', { recursive: true });
    await writeFile('bench/profile.json', `${JSON.stringify(profile, null, 1)}\n`);
    process.stdout.write(
      terminalSafeLines(`${[...wasmProfileLines(profile), 'wrote bench/profile.json'].join('\n')}\n`),
    );
    return;
  }
  if (args.pageBaseline !== null) await placeBaseline(args.pageBaseline);
  if (args.pageDemo > 0) {
    const runs = await measurePageDemo(args.pageDemo, args.pageBaseline !== null, (line) =>
      process.stderr.write(terminalSafeLines(`${line}\n`)),
    );
    await mkdir('bench', { recursive: true });
    await writeFile('bench/pageDemo.json', `${JSON.stringify({ loadAverage: loadavg(), runs }, null, 1)}\n`);
    const lines = runs.map(
      (r) =>
        `page demo${r.build === 'baseline' ? ' (baseline build)' : ''}, round ${r.turn + 1}: ${r.seconds.toFixed(1)} s Train → summary; main thread busy ${(100 * r.mainThreadBusy).toFixed(0)} %, ${r.longTasks.count} long tasks`,
    );
    process.stdout.write(terminalSafeLines(`${[...lines, 'wrote bench/pageDemo.json'].join('\n')}\n`));
    return;
  }
  const nodeBackends = args.node ?? (await defaultNodeBackends());
  const adapters: Record<string, string> = {};
  if (nodeBackends.includes('webgpu')) {
    const a = await ensureNodeGpuAdapter();
    adapters.webgpu = `${a.vendor} ${a.architecture}${a.software ? ' (software)' : ''}`;
  }
  const times: Record<string, Partial<BackendTimes>> = {};
  const errors: Record<string, string> = {};
  for (const b of nodeBackends) {
    process.stderr.write(terminalSafeLines(`measuring node/${b}…\n`));
    await useNodeBackend(b);
    times[b] = await measureBackend(b, args.quick);
    adapters[b] ??= 'CPU';
  }
  const wasmProfile = nodeBackends.includes('wasm') ? await measureWasmProfile(args.quick) : null;
  if (args.chromium.length > 0) {
    const browser = await measureInChromium(args.chromium, args.quick, args.chromiumMinutes, (line) =>
      process.stderr.write(terminalSafeLines(`${line}\n`)),
    );
    for (const [b, r] of Object.entries(browser)) {
      const key = `chromium:${b}`;
      if (r.error !== null) errors[key] = r.error;
      if (Object.keys(r.times).length > 0) times[key] = r.times;
      if (r.adapter !== null) adapters[key] = r.adapter;
    }
  }
  const poolSteps = args.poolSteps ?? (args.quick ? 20 : 100);
  const pool =
    poolSteps > 0
      ? await measurePool(poolSteps, new URL('./run-worker.js', import.meta.url), (line) =>
          process.stderr.write(terminalSafeLines(`${line}\n`)),
        )
      : null;
  const pagePoolSteps = args.pagePoolSteps ?? (args.quick ? 30 : 100);
  const pagePool =
    pagePoolSteps > 0
      ? await measurePagePool(pagePoolSteps, [1, 2, 3], args.pageBaseline !== null, (line) =>
          process.stderr.write(terminalSafeLines(`${line}\n`)),
        )
      : null;
  const sweepSteps = args.sweepSteps ?? (args.quick ? 10 : 60);
  const sweepCost =
    sweepSteps > 0
      ? await measureSweepCost(sweepSteps, pool?.workers ?? availableParallelism(), (line) =>
          process.stderr.write(terminalSafeLines(`${line}\n`)),
        )
      : null;
  const threadsSteps = args.threadsSteps ?? (args.quick ? 5 : 20);
  const threads =
    threadsSteps > 0
      ? await measureThreads(threadsSteps, (line) => process.stderr.write(terminalSafeLines(`${line}\n`)))
      : null;
  const load = loadavg()[0] ?? 0;
  const rendering = await measureRendering(args.quick ? 40 : 200);
  const torch = torchMs(args.quick);
  const pick = (k: keyof BackendTimes) => Object.fromEntries(Object.entries(times).map(([b, t]) => [b, t[k]]));
  const results = {
    machine: { node: process.version, quick: args.quick },
    adapters,
    reference: { ...pick('reference'), ...(torch !== null ? { pytorch: torch } : {}) },
    sst: pick('sst'),
    masst: pick('masst'),
    masstOverSst: Object.fromEntries(Object.entries(times).map(([b, t]) => [b, ratio(t)])),
    probe: pick('probe'),
    slice1d: pick('slice1d'),
    imagesPerSecond: rendering,
    pool,
    pagePool,
    wasmProfile,
    sweepCost,
    threads,
    loadAverage: load,
    errors,
  };
  await mkdir('bench', { recursive: true });
  await writeFile('bench/results.json', `${JSON.stringify(results, null, 1)}\n`);
  const lines = [
    `median ms after warm-up (${args.quick ? 'quick: 1 warm-up, 3 repeats' : 'full: 3 warm-up, 10 repeats'}); SST/MASST: one step of the shallow preset (small backbone, 32 px, batch 32)`,
    ...tableLines(times, adapters),
    ...Object.entries(errors).map(([b, e]) => `${b}: ${b in times ? 'partly measured' : 'not measured'}: ${e}`),
    torch !== null
      ? `PyTorch reference step: ${f(torch)} ms; ours/PyTorch: ${Object.entries(times)
          .map(([b, t]) => `${b} ${t.reference !== undefined ? (t.reference / torch).toFixed(1) : '—'}×`)
          .join(', ')}`
      : 'PyTorch: not installed here (python3 -c "import torch" fails), no ratio measured',
    ...(wasmProfile !== null ? wasmProfileLines(wasmProfile) : []),
    pool !== null
      ? `pool: ${pool.runs} runs × ${pool.steps} steps (demo preset, wasm): ${pool.alone.toFixed(1)} s one at a time, ${pool.pooled.toFixed(1)} s on ${pool.workers} workers: ${pool.speedup.toFixed(2)}× faster`
      : 'pool: not measured (--pool-steps 0)',
    ...(pagePool ?? []).flatMap((p) => [
      `page${p.build === 'baseline' ? ' (baseline build)' : ''}, demo × ${pagePoolSteps} steps${p.live ? `, evaluations and probes every ${LIVE_EVERY}` : ''} on ${p.workers} worker(s): ${p.seconds.toFixed(1)} s Train → summary; page main thread busy ${(100 * p.mainThreadBusy).toFixed(0)} %`,
      `  main thread: ${longTaskLine(p.longTasks)}`,
    ]),
    sweepCost !== null ? sweepCostLine(sweepCost) : 'sweep cost: not measured (--sweep-steps 0)',
    threads !== null ? threadsLine(threads, load) : 'threads: not measured (--threads-steps 0)',
    `faces rendered: ${rendering.toFixed(0)} images/s (32 px grey, one core, Node)`,
    'wrote bench/results.json',
  ];
  process.stdout.write(terminalSafeLines(`${lines.join('\n')}\n`));
}

main().catch((e: unknown) => {
  process.stderr.write(terminalSafeLines(`${e instanceof Error ? e.message : String(e)}\n`));
  process.exit(1);
});
