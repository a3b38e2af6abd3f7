/**
 * Which stored datasets to drop so the cache stays within its bounds: the least recently used
 * first, never the one just written, until both the byte and the entry bounds hold.
 */
export interface StoredEntry {
  key: string;
  bytes: number;
  /** Last written or read, ms since the epoch. */
  usedAt: number;
}

export interface CacheBounds {
  maxBytes: number;
  maxEntries: number;
}

export function evictionOrder(entries: readonly StoredEntry[], bounds: CacheBounds, keep: string): string[] {
  let bytes = entries.reduce((a, e) => a + e.bytes, 0);
  let count = entries.length;
  const out: string[] = [];
  for (const e of [...entries].sort((a, b) => a.usedAt - b.usedAt)) {
    if (bytes <= bounds.maxBytes && count <= bounds.maxEntries) break;
    if (e.key === keep) continue;
    out.push(e.key);
    bytes -= e.bytes;
    count -= 1;
  }
  return out;
}
