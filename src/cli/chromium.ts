/**
 * The system Chromium that the end-to-end tests and the browser benchmark drive (Playwright's
 * own browser downloads are not available here): CHROMIUM_PATH, else Debian's /usr/bin/chromium.
 * Flags (docs/decisions.md): WebGPU needs --enable-unsafe-webgpu (SwiftShader adapter without a GPU);
 * the rest keep a root, offline, headless Chromium quiet and off the network.
 */
export const CHROMIUM_EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--enable-unsafe-swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
