/** What a boundary shows of a thrown value: its kind and message, on one line, a few words long. */
import { clipText } from '../../core/clipText';

/** Longer than a quote: an error's message is the one clue the person has. */
const ERROR_CHARS = 300;

export function errorText(error: unknown): string {
  if (error instanceof Error) return clipText(`${error.name}: ${error.message}`, ERROR_CHARS);
  return clipText(`a thrown value that is not an Error: ${String(error)}`, ERROR_CHARS);
}
