// Speed figures, printed every run: how long a clicked post takes to show
// (prefetched or not, on this machine's loopback and under Chromium's slow
// 4G and 4x CPU emulation), and how long a keystroke takes in search over a
// 10,000-post index. Targets: 16 ms for a prefetched post (35 ms under
// emulation) and 16 ms per keystroke; Hugo with PaperMod shows a clicked
// post after 63 ms here and 350 ms under the emulation.
import { existsSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { expect, test } from "@playwright/test";
import { POSTS, at, open } from "./fixtures.mjs";

const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

const stats = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  const pick = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${pick(0.5).toFixed(1)} ms, p95 ${pick(0.95).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms over ${times.length}`;
};

/** Clicks a post's card link and returns the ms until its body is on screen. */
async function clickToRendered(page, post, { prefetch }) {
  const link = page.locator("article.post-card h2 a", { hasText: post.title });
  if (prefetch) {
    const fetched = page.waitForResponse((response) => response.url().includes(`/data/posts/${post.slug}.`) && response.url().endsWith(".md"));
    await link.hover();
    await fetched;
    await page.waitForTimeout(50);
  }
  return page.evaluate(async (title) => {
    const anchor = [...document.querySelectorAll("article.post-card h2 a")].find((a) => a.textContent === title);
    const started = performance.now();
    // A click without a pointer moving there first: nothing was prefetched on the way.
    anchor.click();
    await new Promise((done) => {
      const check = () => {
        const body = document.querySelector("#quire-app .post-content");
        if (body && document.querySelector("h1.post-title")?.textContent === title) requestAnimationFrame(() => done());
        else requestAnimationFrame(check);
      };
      check();
    });
    return performance.now() - started;
  }, post.title);
}

for (const emulated of [false, true]) {
  test(`figures: click to rendered post, ${emulated ? "slow 4G and 4x slower CPU" : "unthrottled loopback"}`, async ({ page, context }) => {
    test.setTimeout(120_000);
    const rows = [];
    for (const prefetch of [true, false]) {
      const times = [];
      for (const post of POSTS.slice(0, 4)) {
        await open(page, "/");
        if (emulated) {
          const cdp = await context.newCDPSession(page);
          await cdp.send("Network.enable");
          await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
          await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
        }
        times.push(await clickToRendered(page, post, { prefetch }));
        await expect(page.locator("h1.post-title")).toHaveText(post.title);
        if (emulated) {
          const cdp = await context.newCDPSession(page);
          await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
          await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
        }
      }
      rows.push(`${prefetch ? "prefetched" : "cold      "}: ${stats(times)}`);
    }
    console.log(`figure: click to rendered post (${emulated ? "slow 4G, CPU x4" : "loopback"}):\n  ${rows.join("\n  ")}`);
  });
}

test("figures: search keystrokes over a 10,000-post index", async ({ page }) => {
  test.setTimeout(180_000);
  const file = resolve(import.meta.dirname, "../../target/search-10k.json");
  expect(existsSync(file), "scripts/test.sh writes target/search-10k.json first (examples/synthetic_search_index.rs)").toBe(true);
  const index = JSON.parse(readFileSync(file, "utf8"));
  await page.route("**/data/search.*.json", (route) => route.fulfill({ path: file, contentType: "application/json" }));
  const started = Date.now();
  await open(page, "/search/");
  await expect(page.locator("#search-status")).toHaveText(/Type to search/, { timeout: 60_000 });
  const loadMs = Date.now() - started;
  // A query a reader might type: two words of a post's title.
  const query = index.d[1234].t.split(" ").slice(0, 2).join(" ");
  const times = await page.evaluate(async (query) => {
    const input = document.getElementById("search-input");
    const times = [];
    for (let end = 1; end <= query.length; end += 1) {
      const started = performance.now();
      input.value = query.slice(0, end);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      // The app draws in microtasks; by the next task the results are on screen.
      await new Promise((done) => setTimeout(done, 0));
      times.push(performance.now() - started);
    }
    return times;
  }, query);
  await expect(page.locator(".search-result a").first()).toContainText(query.split(" ")[0]);
  console.log(
    `figure: search over 10,000 posts (${(statSync(file).size / 1048576).toFixed(1)} MB index, opened and parsed in ${loadMs} ms): ` +
      `per keystroke of "${query}": ${stats(times)}`,
  );
});
