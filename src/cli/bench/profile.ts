/**
 * The bench's wasm profile (issue 23), measured in one run on one thread: the reference step
 * timed in turns with each of its convolutions' kernels alone (src/bench/convLayers.ts) and the
 * GEMM ceiling's candidates (src/bench/gemmCeiling.ts), then the demo step's per-run profile
 * (src/bench/demoProfile.ts).
 */
import { availableParallelism, loadavg } from 'node:os';
import type { ConvPass, TimedKernel } from '../../bench/convLayers';
import { CONV_PASSES, REFERENCE_CONVS, convFlops, convLabel, referenceConvKernels } from '../../bench/convLayers';
import { profileDemo, profileLines } from '../../bench/demoProfile';
import type { RunProfile } from '../../bench/demoProfile';
import type { Ceiling } from '../../bench/gemmCeiling';
import { gemmCeiling, referenceGemmFlops, referenceMatMulKernels } from '../../bench/gemmCeiling';
import { referenceStep } from '../../bench/reference';
import { interleavedSamplesMs, median } from '../../bench/timing';
import { convImplFor } from '../../core/model/conv';
import { useNodeBackend } from '../backend-node';

export interface KernelTime {
  label: string;
  /** Best and median CPU ms of one call, and the best rate, GFLOP/s. */
  bestMs: number;
  medianMs: number;
  gflops: number;
}

export interface WasmProfile {
  /** CPU ms of the reference step, best and median, timed in turns with the kernels below. */
  referenceBestMs: number;
  referenceMs: number;
  ceiling: Ceiling;
  /** ceiling.ms / referenceBestMs: best against best, the times least disturbed by other jobs. */
  ceilingShare: number;
  /** Every pass of every reference convolution alone, in layer order (convLayers.ts). */
  convs: KernelTime[];
  /** Each convolution's forward product as one tf.matMul. */
  matMuls: KernelTime[];
  demo: RunProfile[];
  /** The 1-minute load average before the timed turns and after the demo profile: the machine may be shared. */
  load: [before: number, after: number];
}

/** This process's CPU time, ms: unlike wall time, not inflated by other jobs on a shared machine (wasm runs on this one thread). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function kernelTime(k: TimedKernel, samples: number[]): KernelTime {
  const bestMs = Math.min(...samples);
  return { label: k.label, bestMs, medianMs: median(samples), gflops: k.flops / bestMs / 1e6 };
}

export async function measureWasmProfile(quick: boolean): Promise<WasmProfile> {
  const backend = await useNodeBackend('wasm');
  const ref = referenceStep(convImplFor(backend));
  const convs = referenceConvKernels();
  const matMuls = referenceMatMulKernels();
  const step = async (): Promise<void> => {
    const l = ref.step();
    await l.data();
    l.dispose();
  };
  const kernels = [...convs.kernels, ...matMuls.kernels];
  const loadBefore = loadavg()[0] ?? 0;
  const [stepSamples, ...kernelSamples] = await interleavedSamplesMs(
    [step, ...kernels.map((k) => k.run)],
    quick ? 1 : 3,
    quick ? 5 : 15,
    cpuMs,
  );
  ref.dispose();
  convs.dispose();
  matMuls.dispose();
  const times = kernels.map((k, i) => kernelTime(k, kernelSamples[i] as number[]));
  const convTimes = times.slice(0, convs.kernels.length);
  // The candidates: each forward convolution (XNNPACK's convolution) and each plain matMul.
  const candidates = kernels.filter((k, i) => i >= convs.kernels.length || k.label.endsWith('forward'));
  const ceiling = gemmCeiling(
    candidates,
    candidates.map((k) => (times[kernels.indexOf(k)] as KernelTime).bestMs),
  );
  const referenceBestMs = Math.min(...(stepSamples as number[]));
  const demo = await profileDemo(backend, quick, cpuMs);
  const load: [number, number] = [loadBefore, loadavg()[0] ?? 0];
  return {
    referenceBestMs,
    referenceMs: median(stepSamples as number[]),
    ceiling,
    ceilingShare: ceiling.ms / referenceBestMs,
    convs: convTimes,
    matMuls: times.slice(convs.kernels.length),
    demo,
    load,
  };
}

function convLines(p: WasmProfile): string[] {
  return REFERENCE_CONVS.map((l, i) => {
    const passes = CONV_PASSES.map((pass: ConvPass, j) => {
      const t = p.convs[3 * i + j] as KernelTime;
      return `${pass} ${t.bestMs.toFixed(1)} ms (${t.gflops.toFixed(1)} GFLOP/s)`;
    });
    const note = l.cin === 3 ? '; the step needs no input gradient here' : '';
    return `  conv ${convLabel(l)} (${(convFlops(l) / 1e6).toFixed(0)} MFLOP a pass${note}): ${passes.join(', ')}`;
  });
}

export function wasmProfileLines(p: WasmProfile): string[] {
  return [
    `reference step (wasm, one thread, CPU time, in turns with the kernels below): best ${p.referenceBestMs.toFixed(1)} ms, median ${p.referenceMs.toFixed(1)} ms; load average ${p.load[0].toFixed(1)} → ${p.load[1].toFixed(1)} on ${availableParallelism()} cores`,
    `  GEMM ceiling: its ${(referenceGemmFlops() / 1e9).toFixed(2)} GFLOP of products at XNNPACK's best rate of this run, ${p.ceiling.gflops.toFixed(1)} GFLOP/s (${p.ceiling.by}): ${p.ceiling.ms.toFixed(1)} ms; share of the GEMM ceiling (best against best): ${(100 * p.ceilingShare).toFixed(0)} %`,
    ...convLines(p),
    ...p.matMuls.map((t) => `  ${t.label}: ${t.bestMs.toFixed(1)} ms (${t.gflops.toFixed(1)} GFLOP/s)`),
    ...profileLines(p.demo),
  ];
}
