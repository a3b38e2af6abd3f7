/**
 * The bench's wasm profile (issue 23), measured in one run on one thread: the reference step
 * timed in turns with its GEMM ceiling (src/bench/gemmCeiling.ts), and the demo step's per-run
 * profile (src/bench/demoProfile.ts).
 */
import { profileDemo, profileLines } from '../../bench/demoProfile';
import type { RunProfile } from '../../bench/demoProfile';
import { referenceGemmFlops, referenceGemmRun } from '../../bench/gemmCeiling';
import { referenceStep } from '../../bench/reference';
import { interleavedMediansMs } from '../../bench/timing';
import { convImplFor } from '../../core/model/conv';
import { useNodeBackend } from '../backend-node';

export interface WasmProfile {
  /** Median CPU ms of the reference step and of its GEMMs alone, timed in turns. */
  referenceMs: number;
  gemmCeilingMs: number;
  /** gemmCeilingMs / referenceMs. */
  ceilingShare: number;
  gemmGflops: number;
  demo: RunProfile[];
}

/** This process's CPU time, ms: unlike wall time, not inflated by other jobs on a shared machine (wasm runs on this one thread). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export async function measureWasmProfile(quick: boolean): Promise<WasmProfile> {
  const backend = await useNodeBackend('wasm');
  const ref = referenceStep(convImplFor(backend));
  const gemms = referenceGemmRun();
  const step = async (): Promise<void> => {
    const l = ref.step();
    await l.data();
    l.dispose();
  };
  const [referenceMs, gemmCeilingMs] = (await interleavedMediansMs([step, gemms.run], quick ? 1 : 3, quick ? 5 : 15, cpuMs)) as [number, number];
  ref.dispose();
  gemms.dispose();
  const demo = await profileDemo(backend, quick, cpuMs);
  return { referenceMs, gemmCeilingMs, ceilingShare: gemmCeilingMs / referenceMs, gemmGflops: referenceGemmFlops() / gemmCeilingMs / 1e6, demo };
}

export function wasmProfileLines(p: WasmProfile): string[] {
  return [
    `reference step (wasm, one thread, CPU time): ${p.referenceMs.toFixed(1)} ms; its GEMMs alone (${(referenceGemmFlops() / 1e9).toFixed(2)} GFLOP at ${p.gemmGflops.toFixed(1)} GFLOP/s): ${p.gemmCeilingMs.toFixed(1)} ms; share of the GEMM ceiling: ${(100 * p.ceilingShare).toFixed(0)} %`,
    ...profileLines(p.demo),
  ];
}
