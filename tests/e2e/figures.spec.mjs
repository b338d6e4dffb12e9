// Speed figures, printed every run: how long a clicked post takes to show
// (prefetched or not, on this machine's loopback and under Chromium's slow
// 4G and 4x CPU emulation), and how long a keystroke takes in search over a
// 10,000-post index. Targets: 16 ms for a prefetched post (35 ms under
// emulation) and 16 ms per keystroke; Hugo with PaperMod shows a clicked
// post after 63 ms here and 350 ms under the emulation.
//
// Each figure comes twice: until the new content is in the document (the
// app's own work), and until the next frame is painted (adds the browser's
// style, layout and paint; this headless Chromium paints in software).
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
    const shown = () => document.querySelector("#quire-app .post-content") && document.querySelector("h1.post-title")?.textContent === title;
    // A task that runs after the app's microtasks, without waiting for a frame.
    const nextTask = () => new Promise((done) => { const channel = new MessageChannel(); channel.port1.onmessage = done; channel.port2.postMessage(0); });
    const started = performance.now();
    // A click without a pointer moving there first: nothing was prefetched on the way.
    anchor.click();
    while (!shown()) await nextTask();
    const inDocument = performance.now() - started;
    await new Promise((done) => requestAnimationFrame(() => nextTask().then(done)));
    return [inDocument, performance.now() - started];
  }, post.title);
}

for (const emulated of [false, true]) {
  test(`figures: click to rendered post, ${emulated ? "slow 4G and 4x slower CPU" : "unthrottled loopback"}`, async ({ page, context }) => {
    test.setTimeout(120_000);
    const rows = [];
    const setEmulation = async (on) => {
      if (!emulated) return;
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", on ? SLOW_4G : { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: on ? 4 : 1 });
    };
    for (const prefetch of [true, false]) {
      const [firstTimes, firstPainted, times, painted] = [[], [], [], []];
      // The first click hands the pre-rendered page over to the app; the
      // clicks after it are the app's steady state. Each opens a post not
      // seen before, from the list.
      for (const round of [0, 1]) {
        await open(page, "/");
        for (const [at, post] of POSTS.slice(round * 2, round * 2 + 2).entries()) {
          if (at > 0) {
            await page.goBack();
            await expect(page.locator("article.post-card").first()).toBeVisible();
          }
          await setEmulation(true);
          const [inDocument, onScreen] = await clickToRendered(page, post, { prefetch });
          await setEmulation(false);
          await expect(page.locator("h1.post-title")).toHaveText(post.title);
          (at === 0 ? firstTimes : times).push(inDocument);
          (at === 0 ? firstPainted : painted).push(onScreen);
        }
      }
      const kind = prefetch ? "prefetched" : "cold";
      rows.push(`${kind}, a later click: in the document ${stats(times)}; painted ${stats(painted)}`);
      rows.push(`${kind}, the first click (the app takes over): in the document ${stats(firstTimes)}; painted ${stats(firstPainted)}`);
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
  const [times, painted] = await page.evaluate(async (query) => {
    const input = document.getElementById("search-input");
    const nextTask = () => new Promise((done) => { const channel = new MessageChannel(); channel.port1.onmessage = done; channel.port2.postMessage(0); });
    const times = [];
    const painted = [];
    for (let end = 1; end <= query.length; end += 1) {
      const started = performance.now();
      input.value = query.slice(0, end);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      // The app draws in microtasks: by the next task the results are in the document.
      await nextTask();
      times.push(performance.now() - started);
      await new Promise((done) => requestAnimationFrame(() => nextTask().then(done)));
      painted.push(performance.now() - started);
    }
    return [times, painted];
  }, query);
  await expect(page.locator(".search-result a").first()).toContainText(query.split(" ")[0]);
  console.log(
    `figure: search over 10,000 posts (${(statSync(file).size / 1048576).toFixed(1)} MB index, opened and parsed in ${loadMs} ms): ` +
      `per keystroke of "${query}": in the document ${stats(times)}; painted ${stats(painted)}`,
  );
});
