// End-to-end tests: the release build in `dist/`, served from 127.0.0.1 the
// way GitHub Pages serves it (files, folders' index.html, 404.html), driven
// in Debian's Chromium. Nothing here downloads a browser.
//
// QUIRE_E2E_BASE=/blog/ with QUIRE_E2E_DIST=<a build made with
// --public-url /blog/> runs the same suite on a site under a sub-path.
import { defineConfig } from "@playwright/test";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./chromium.mjs";

const PORT = Number(process.env.QUIRE_E2E_PORT ?? 8091);
const BASE = process.env.QUIRE_E2E_BASE ?? "/";
const DIST = process.env.QUIRE_E2E_DIST ?? "../../dist";

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
    // The site's service worker would answer requests the tests intercept
    // with page.route; offline.spec.mjs lets it run.
    serviceWorkers: "block",
    // A step that hangs names itself instead of running into the test's
    // timeout, and a failure leaves a trace to open with `npx playwright
    // show-trace`.
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    trace: "retain-on-failure",
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS },
  },
  webServer: {
    command: `node server.mjs ${DIST} ${PORT} ${BASE} github`,
    cwd: import.meta.dirname,
    url: `http://127.0.0.1:${PORT}${BASE}`,
    reuseExistingServer: false,
  },
});
