/**
 * Cancellation points for long loops (landscape slices, smoothness probes, face generation): a
 * Pause or Reset arrives as a message, which a worker handles only between macrotasks, so each
 * point yields to the event loop and then throws the signal's reason (an AbortError) if it fired.
 * Without a signal nothing yields: the headless runner pays nothing for it.
 */
export async function cancellationPoint(signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return;
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  signal.throwIfAborted();
}

/** Whether an error is a cancellation (the reason of an aborted AbortSignal), not a failure. */
export function isAbort(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}
