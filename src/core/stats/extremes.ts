/**
 * The largest and smallest of a list, by a loop: `Math.max(...xs)` passes every element as an
 * argument and overflows the stack past ~100,000 of them (an imported run of 130,000 steps did).
 */

/** The largest of `xs` and `floor` (floor when xs is empty); NaN in xs is skipped. */
export function maxOf(xs: Iterable<number>, floor = -Infinity): number {
  let best = floor;
  for (const x of xs) if (x > best) best = x;
  return best;
}

/** The smallest of `xs` and `ceiling` (ceiling when xs is empty); NaN in xs is skipped. */
export function minOf(xs: Iterable<number>, ceiling = Infinity): number {
  let best = ceiling;
  for (const x of xs) if (x < best) best = x;
  return best;
}
