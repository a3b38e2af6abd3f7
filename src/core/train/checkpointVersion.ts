/**
 * The checkpoint layout's version, apart from checkpoint.ts (which imports tfjs), so that
 * checkpointCodec.ts can check stored bytes on the page's main thread without pulling tfjs into
 * the page's bundle (ui/storage/savedComparison.ts). Bumped whenever checkpoint.ts's layout changes;
 * older checkpoints are refused with a message.
 */
export const CHECKPOINT_VERSION = 1;
