import { describe, expect, it } from 'vitest';
import { convFlops, REFERENCE_CONVS } from './convLayers';
import { gemmCeiling, referenceGemmFlops } from './gemmCeiling';

const kernel = (label: string, flops: number) => ({ label, flops, run: async () => {} });

describe('the GEMM ceiling', () => {
  it("is the step's GEMM FLOPs at the best candidate's rate, naming that candidate", () => {
    // 1 GFLOP in 100 ms = 10 GFLOP/s; 3 GFLOP in 100 ms = 30 GFLOP/s (the best); 2 in 200 = 10.
    const c = gemmCeiling([kernel('a', 1e9), kernel('b', 3e9), kernel('c', 2e9)], [100, 100, 200]);
    expect(c.by).toBe('b');
    expect(c.gflops).toBeCloseTo(30, 10);
    expect(c.ms).toBeCloseTo(referenceGemmFlops() / 30e6, 10);
  });

  it('counts every conv pass the step runs: forward and filter gradient of each layer, input gradient past the first', () => {
    const convs = REFERENCE_CONVS.reduce((s, l, i) => s + convFlops(l) * (i === 0 ? 2 : 3), 0);
    // Dense 64→64 forward, dW, dx and the logits against 256 prototypes, forward and dx (batch 64).
    const dense = 3 * 2 * 64 * 64 * 64 + 2 * 2 * 64 * 64 * 256;
    expect(referenceGemmFlops()).toBe(convs + dense);
  });

  it('refuses an empty candidate list', () => {
    expect(() => gemmCeiling([], [])).toThrow(/no candidate was timed/);
  });
});
