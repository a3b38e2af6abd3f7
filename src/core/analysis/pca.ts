/**
 * The first two principal components of a few points, for the embedding view: n points of
 * dimension d (n ≈ 20, d up to 512), so the n × n Gram matrix of the centred points is
 * diagonalised (power iteration with deflation) instead of the d × d covariance. A point's
 * coordinate on component k is √λ_k · u_k[i]. Signs are fixed so the point farthest along each
 * component is positive, so refreshed views do not flip at random.
 */

export interface Pca2 {
  /** [n, 2] row-major. */
  coords: Float32Array;
  /** Share of the total variance each component explains, in [0, 1]. */
  explained: [number, number];
}

const ITERATIONS = 200;

export function pca2(points: Float32Array, n: number, d: number): Pca2 {
  if (points.length !== n * d) throw new Error(`pca2: ${points.length} values for ${n} points of dimension ${d}`);
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) + (points[i * d + j] as number) / n;
  // Gram matrix of the centred points, [n, n].
  const gram = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = a; b < n; b++) {
      let s = 0;
      for (let j = 0; j < d; j++)
        s +=
          ((points[a * d + j] as number) - (mean[j] as number)) * ((points[b * d + j] as number) - (mean[j] as number));
      gram[a * n + b] = s;
      gram[b * n + a] = s;
    }
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += gram[i * n + i] as number;
  const coords = new Float32Array(n * 2);
  const explained: [number, number] = [0, 0];
  for (let k = 0; k < 2; k++) {
    const { value, vector } = topEigen(gram, n);
    explained[k] = total > 0 ? value / total : 0;
    let far = 0;
    for (let i = 0; i < n; i++) if (Math.abs(vector[i] as number) > Math.abs(vector[far] as number)) far = i;
    const sign = (vector[far] as number) < 0 ? -1 : 1;
    for (let i = 0; i < n; i++) coords[i * 2 + k] = sign * Math.sqrt(Math.max(0, value)) * (vector[i] as number);
    // Deflate: G ← G − λ u uᵀ.
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++)
        gram[a * n + b] = (gram[a * n + b] as number) - value * (vector[a] as number) * (vector[b] as number);
  }
  return { coords, explained };
}

/** Largest eigenvalue and unit eigenvector of a symmetric positive semi-definite [n, n] matrix. */
function topEigen(m: Float64Array, n: number): { value: number; vector: Float64Array } {
  // A fixed, uneven start: deterministic, and never orthogonal to the top eigenvector in practice.
  let v = Float64Array.from({ length: n }, (_, i) => 1 + i / n);
  let value = 0;
  for (let it = 0; it < ITERATIONS; it++) {
    const next = new Float64Array(n);
    for (let a = 0; a < n; a++) {
      let s = 0;
      for (let b = 0; b < n; b++) s += (m[a * n + b] as number) * (v[b] as number);
      next[a] = s;
    }
    const norm = Math.sqrt(next.reduce((acc, x) => acc + x * x, 0));
    if (norm === 0) return { value: 0, vector: v.map(() => 0) };
    value = norm;
    v = next.map((x) => x / norm);
  }
  return { value, vector: v };
}
