/**
 * Which stored comparison (storage/comparisonStore.ts) belongs to this tab: each comparison a tab
 * starts or restores gets a key of its own, remembered in sessionStorage, which a reload of the
 * same tab keeps and another tab does not see. So two tabs never write the same record, and after
 * a reload the page can tell its own comparison from those of other tabs.
 */
import { KEY_PREFIX } from './storage/comparisonStore';

const TAB_ITEM = 'masst-playground.comparison';

/** A key no other comparison has: a random UUID (not Math.random: the project's seeds stay its only randomness). */
export function newComparisonKey(): string {
  const id =
    typeof crypto.randomUUID === 'function'
      ? crypto.randomUUID()
      : `${Date.now().toString(36)}-${performance.now().toString(36)}`;
  return `${KEY_PREFIX}${id}`;
}

/** The key of the comparison this tab kept before a reload, or null (a new tab, or no sessionStorage). */
export function tabComparisonKey(): string | null {
  try {
    return sessionStorage.getItem(TAB_ITEM);
  } catch {
    return null;
  }
}

export function rememberTabComparison(key: string): void {
  try {
    sessionStorage.setItem(TAB_ITEM, key);
  } catch {
    // Without sessionStorage the comparison is still kept; only "this tab's" mark is lost after a reload.
  }
}

/**
 * Holds a Web Lock named `key` while this page keeps that comparison, so another tab can tell it
 * is open (heldKeys); the lock goes when the returned function is called or the page closes.
 * Without Web Locks (an old browser, an insecure origin) nothing is held and nothing is told.
 */
export function holdComparison(key: string): () => void {
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  void navigator.locks?.request(key, () => held).catch(() => undefined);
  return release;
}

/** The keys of the comparisons open in a tab now (their Web Locks), this one's included. */
export async function heldKeys(): Promise<Set<string>> {
  try {
    const state = await navigator.locks?.query();
    return new Set((state?.held ?? []).map((l) => l.name ?? '').filter((n) => n.startsWith(KEY_PREFIX)));
  } catch {
    return new Set();
  }
}
