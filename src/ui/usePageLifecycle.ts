/**
 * What the page does when it may go away: while it trains, a reload or a closed tab asks first
 * (beforeunload); when it is hidden or closed it checkpoints what trains (`hidden`), since a hidden
 * page may be discarded without another event.
 */
import { useEffect } from 'react';

export function usePageLifecycle(playing: boolean, hidden: () => void): void {
  useEffect(() => {
    const onVisibility = () => document.visibilityState === 'hidden' && hidden();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', hidden);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', hidden);
    };
  }, [hidden]);
  useEffect(() => {
    if (!playing) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [playing]);
}
