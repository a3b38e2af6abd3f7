/**
 * End-to-end tests against the built app (vite preview) in the system Chromium: Playwright's own
 * browser downloads are not available here, so the executable comes from CHROMIUM_PATH or
 * /usr/bin/chromium (Debian's package). Flags: docs/decisions.md.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './src/cli/chromium.ts';

// E2E_PORT: another checkout (a git worktree) can run its end-to-end tests at the same time.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  timeout: 240_000,
  expect: { timeout: 60_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_EXECUTABLE,
      args: [...CHROMIUM_ARGS],
    },
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
