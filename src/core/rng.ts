/**
 * Seeded pseudo-random numbers. Every random choice in the project goes through here so that
 * one seed reproduces a whole experiment bit for bit (no Math.random anywhere in src/core).
 *
 * Generator: sfc32 (Small Fast Counting, 128-bit state), seeded through splitmix32. It passes
 * PractRand to 2^40 bytes and is a few ns per draw in V8, far more than a face generator needs.
 */

/** What a sub-seed is used for: each purpose gets an independent stream from one user seed. */
export type SeedPurpose =
  'data' | 'init' | 'order' | 'augment' | 'directions' | 'enqueue' | 'pairs' | 'probe' | 'queue' | 'head';

export interface Rng {
  /** Uniform in [0, 1), 32 bits of randomness. */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform in [a, b). */
  uniform(a: number, b: number): number;
  /** Standard normal (Box–Muller, one value per call; the pair's twin is cached). */
  normal(): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Fisher–Yates shuffle in place; returns the same array. */
  shuffle<T>(items: T[]): T[];
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** The generator's whole state, for checkpoints: restoreRng(save()) draws what this one would. */
  save(): RngState;
}

/** sfc32's four 32-bit words and the cached twin of the last normal draw. */
export interface RngState {
  words: [number, number, number, number];
  spare: number | null;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A generator from a 32-bit seed (any finite number; it is truncated to uint32). */
export function createRng(seed: number): Rng {
  const init = splitmix32(seed);
  const rng = fromState({ words: [init(), init(), init(), init()], spare: null });
  // Discard the first outputs: sfc32 mixes its seed within a dozen rounds.
  for (let i = 0; i < 12; i++) rng.next();
  return rng;
}

/** A generator that continues exactly where the one that saved `state` was. */
export function restoreRng(state: RngState): Rng {
  const ok = state.words.length === 4 && state.words.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffffffff);
  if (!ok || (state.spare !== null && !Number.isFinite(state.spare))) {
    throw new Error(`restoreRng: not a generator state (words ${JSON.stringify(state.words)}, spare ${state.spare})`);
  }
  return fromState(state);
}

function fromState(state: RngState): Rng {
  let [a, b, c, d] = state.words;
  const nextU32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };

  let spare: number | null = state.spare;
  const next = (): number => nextU32() / 4294967296;
  const rng: Rng = {
    next,
    int: (n) => Math.floor(next() * n),
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    normal: () => {
      if (spare !== null) {
        const v = spare;
        spare = null;
        return v;
      }
      // 1 - next() lies in (0, 1], so the log is finite.
      const r = Math.sqrt(-2 * Math.log(1 - next()));
      const theta = 2 * Math.PI * next();
      spare = r * Math.sin(theta);
      return r * Math.cos(theta);
    },
    chance: (p) => next() < p,
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = items[i] as (typeof items)[number];
        items[i] = items[j] as (typeof items)[number];
        items[j] = tmp;
      }
      return items;
    },
    pick: (items) => {
      if (items.length === 0) throw new Error('pick: empty array');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    save: () => ({ words: [a >>> 0, b >>> 0, c >>> 0, d >>> 0], spare }),
  };
  return rng;
}

/** FNV-1a over a string, 32 bits. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * An independent sub-seed for one purpose (and optionally one index, e.g. an identity or run),
 * so that adding draws for one purpose never shifts the numbers of another.
 */
export function deriveSeed(seed: number, purpose: SeedPurpose | string, index = 0): number {
  const mix = splitmix32((seed >>> 0) ^ hashString(purpose));
  const first = mix();
  return (first ^ Math.imul(index + 1, 0x27d4eb2d)) >>> 0;
}

/**
 * Runs `fn` with Math.random replaced by a seeded stream, restoring it afterwards. Used only to
 * wrap third-party code (facesjs) that calls Math.random; `fn` must be synchronous.
 */
/* eslint-disable no-restricted-properties -- the one place that swaps Math.random, to seed it */
export function withSeededMathRandom<T>(rng: Rng, fn: () => T): T {
  const original = Math.random;
  Math.random = rng.next;
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}
/* eslint-enable no-restricted-properties */
