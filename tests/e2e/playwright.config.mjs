// End-to-end tests: the release build in `dist/`, served from 127.0.0.1 the
// way a static host with a single-page-app rewrite serves it, driven in
// Debian's Chromium. Nothing here downloads a browser.
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.QUIRE_E2E_PORT ?? 8091);

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.mjs",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "../../target/e2e-results",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `node server.mjs ../../dist ${PORT} /`,
    cwd: import.meta.dirname,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
  },
});
