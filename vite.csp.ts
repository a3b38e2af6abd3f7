/**
 * The Content-Security-Policy of the built pages: everything from the page's own origin, nothing
 * inline, nothing evaluated but WebAssembly. Each source and why it is needed:
 * - script-src 'self': the bundles; 'wasm-unsafe-eval' because compiling the tfjs and resvg .wasm
 *   modules (in the workers) counts as eval. No 'unsafe-eval': nothing calls eval or new Function.
 * - worker-src 'self': the training and bench workers, module scripts from /assets.
 * - connect-src 'self': fetch() of the .wasm files (measured: without it no face is made, no step runs).
 * - img-src 'self' data:: the favicon, and the model overview's two face thumbnails, PNG data URLs
 *   the page encodes itself from generated pixels (an SVG <image> cannot show a canvas);
 *   and a chart's PNG download, which draws the chart's serialized SVG from a data: URL on a
 *   canvas (so img-src needs no blob:; downloads themselves are blob: links, not images).
 * - style-src 'self': the stylesheets. No 'unsafe-inline': React and recharts set styles through
 *   element.style, which a policy does not restrict (measured: a trained comparison with bands and
 *   tooltips raises no violation), and bench.html's styles are a file.
 * - default-src 'none', object-src 'none', base-uri 'none', form-action 'none': nothing else.
 * Delivered twice from this one text: as a <meta> in the built HTML, so it travels with dist/ to
 * any static host, and as a header from vite preview, because a worker follows the policy of its
 * own script's response, not the page's <meta>. Not in the dev server: its HMR preamble is an
 * inline script.
 */
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Headers may say what a <meta> cannot: no page may frame this one. */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

/** Puts the policy first in every built page's <head>, before any script or stylesheet. */
export function cspMeta(): Plugin {
  return {
    name: 'csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}
