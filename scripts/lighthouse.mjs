// Lighthouse (mobile preset) on the release build's home page and a post,
// served the way GitHub Pages would serve dist/. Prints the four scores of
// each page as figures, and fails when accessibility, best practices or SEO
// drop below 100 or performance below PERFORMANCE_FLOOR (performance is
// simulated from the run's own timings, so a busy machine costs a point or two;
// on an idle machine every score is 100).
// Usage: node scripts/lighthouse.mjs [dist] — run after `trunk build --release`.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "../tests/e2e/chromium.mjs";
import { startServer } from "../tests/e2e/server.mjs";

const ROOT = resolve(import.meta.dirname, "..");
const DIST = resolve(process.argv[2] ?? join(ROOT, "dist"));
const PORT = 8121;
const PAGES = ["/", "/posts/cap-theorem-explained/"];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const PERFORMANCE_FLOOR = 90;

const server = await startServer(DIST, PORT, "/", "github");
let failed = false;
try {
  for (const path of PAGES) {
    const work = mkdtempSync(join(tmpdir(), "quire-lighthouse-"));
    const report = join(work, "report.json");
    try {
      await promisify(execFile)(
        join(ROOT, "node_modules/.bin/lighthouse"),
        [
          `http://127.0.0.1:${PORT}${path}`,
          "--quiet",
          "--output=json",
          `--output-path=${report}`,
          `--only-categories=${CATEGORIES.join(",")}`,
          `--chrome-flags=${["--headless", ...CHROMIUM_FLAGS, `--user-data-dir=${join(work, "profile")}`].join(" ")}`,
        ],
        { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH } },
      );
      const result = JSON.parse(readFileSync(report, "utf8"));
      const scores = CATEGORIES.map((id) => [id, Math.round(result.categories[id].score * 100)]);
      const metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"]
        .map((id) => `${id} ${result.audits[id].displayValue}`)
        .join(", ");
      console.log(`figure: lighthouse ${path}: ${scores.map(([id, score]) => `${id} ${score}`).join(", ")} (${metrics})`);
      for (const [id, score] of scores) {
        const floor = id === "performance" ? PERFORMANCE_FLOOR : 100;
        if (score < floor) {
          failed = true;
          console.error(`lighthouse ${path}: ${id} ${score} is below ${floor}`);
        }
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
} finally {
  server.close();
}
process.exit(failed ? 1 : 0);
