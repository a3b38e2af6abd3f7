/**
 * The page rewrites its own address after every change, so the address bar is always a link that
 * reproduces the run. A link a server refuses is worse than none: the guard below keeps the page
 * from writing one.
 */

/**
 * The longest query the page writes, in characters after encoding. 2,000 stays under the
 * strictest limits a shared link meets: IIS's default maxQueryString (2,048) and the 2,083-character
 * URLs of old browsers; Apache (8,190 for the request line), nginx (8 KiB) and vite preview (Node's
 * 16 KiB of headers: refused with 431 from ~16,400 characters, measured) accept more.
 */
export const MAX_QUERY_LENGTH = 2000;

export type QueryCheck = { ok: true; query: string } | { ok: false; message: string };

/** The query to write, or why it is not written: its length and its longest parameter. */
export function checkQuery(params: URLSearchParams, max = MAX_QUERY_LENGTH): QueryCheck {
  const query = params.toString();
  if (query.length <= max) return { ok: true, query };
  let longest = { name: '', length: 0 };
  for (const [name, value] of params) {
    const length = new URLSearchParams({ [name]: value }).toString().length;
    if (length > longest.length) longest = { name, length };
  }
  return {
    ok: false,
    message: `The address was not updated: this configuration's query would be ${query.length} characters (${longest.name} alone ${longest.length}), over the ${max} that servers and proxies reliably accept, so the link could not be loaded. The address bar keeps the last link that fits.`,
  };
}
