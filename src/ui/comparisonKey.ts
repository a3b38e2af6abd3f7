/**
 * Which stored comparison (storage/comparisonStore.ts) belongs to this tab: each comparison a tab
 * starts or restores gets a key of its own, remembered in sessionStorage, which a reload of the
 * same tab keeps and another tab does not see. So two tabs never write the same record, and after
 * a reload the page can tell its own comparison from those of other tabs.
 */
import { KEY_PREFIX } from '../storage/comparisonStore';

const TAB_ITEM = 'masst-playground.comparison';

/** A key no other comparison has: a random UUID (not Math.random: the project's seeds stay its only randomness). */
export function newComparisonKey(): string {
  const id = typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${performance.now().toString(36)}`;
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
