// Quire against Hugo + PaperMod, measured side by side in one run, as a
// reader on a phone meets them: the same generated blog (30 posts and one of
// 15,000 words, scripts/generate-blog.py) built by both, served by the same
// static server (gzip, GitHub Pages' caching), opened in the same headless
// Chromium with a phone's screen and touch. Prints a table of medians.
//
//   node scripts/compare-papermod.mjs [--rounds N] [--papermod DIR]
//
// Needs Debian's Hugo (`apt-get install hugo`, 0.111), PaperMod at commit
// 87df659c (a checkout or a git dir given with --papermod, or cloned from
// GitHub) and Quire's release build in dist/ (`trunk build --release`).
// Nothing here is a test: machines differ; the ratios in one run are the
// figures that count. This headless Chromium paints in software.
//
//   node scripts/compare-papermod.mjs --posts 1000   (the same at another size)
//
// What is timed, each in a fresh browser profile (an empty cache), with the
// browser's back-forward cache on (Playwright turns it off by default):
// - first click: land on the home page, wait until the network is quiet
//   (the app has started), then tap the first post's title, as a reader
//   does: scrolled to, a 250 ms look, a tap (no hover). From the tap to the
//   frame that shows the post: the new document's first contentful paint
//   for PaperMod, the frame showing the post's heading for Quire. A third
//   column points at the link for 250 ms instead of tapping it.
// - later click: then, on that post, tap one of its tags.
// - back: then go back to the post (PaperMod: the back-forward cache puts
//   the page back; Quire: the app draws it again).
// - cold visit: open a post from nothing; its first contentful paint, its
//   largest contentful paint and its layout shift, measured until the
//   network is quiet (so Quire's start is included).
// - bytes: everything a cold home visit downloads until the network is quiet.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "../tests/e2e/chromium.mjs";
import { startServer } from "../tests/e2e/server.mjs";

const ROOT = resolve(import.meta.dirname, "..");
const WORK = join(ROOT, "target", "compare-papermod");
const PAPERMOD_COMMIT = "87df659c185b91ab09f8eb978b3aab5945b0f8b5";
const { values: options } = parseArgs({
  options: { rounds: { type: "string", default: "3" }, papermod: { type: "string" }, posts: { type: "string", default: "30" } },
});
const ROUNDS = Number(options.rounds);
const [HUGO_PORT, QUIRE_PORT] = [8131, 8132];
const [HUGO_AT, QUIRE_AT] = [HUGO_PORT, QUIRE_PORT].map((port) => `http://127.0.0.1:${port}`);

/** Chromium's slow 4G, with the CPU four times slower. */
const SLOW_4G = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8, cpu: 4 };
const PROFILES = [
  ["no throttling", null],
  ["slow 4G", SLOW_4G],
];
/** How long a reader looks at a link they scrolled to before tapping it, or points at it before clicking. */
const READER_PAUSE_MS = 250;
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

function run(command, args, cwd = ROOT) {
  execFileSync(command, args, { cwd, stdio: ["ignore", "ignore", "inherit"] });
}

/** PaperMod's files at the pinned commit, in `themes`. */
function placePaperMod(themes) {
  const into = join(themes, "PaperMod");
  rmSync(into, { recursive: true, force: true });
  mkdirSync(themes, { recursive: true });
  let gitDir = options.papermod;
  if (!gitDir) {
    gitDir = join(WORK, "papermod.git");
    if (!existsSync(gitDir)) run("git", ["clone", "--quiet", "--bare", "https://github.com/adityatelange/hugo-PaperMod", gitDir]);
  } else if (existsSync(join(gitDir, ".git"))) {
    gitDir = join(gitDir, ".git");
  } else if (existsSync(join(gitDir, "repo"))) {
    gitDir = join(gitDir, "repo");
  }
  execFileSync("sh", ["-c", `git --git-dir="${gitDir}" archive --prefix=PaperMod/ ${PAPERMOD_COMMIT} | tar -x -C "${themes}"`]);
}

/** Generates the blog and builds it with both; returns the two output folders. */
function buildBoth() {
  const site = join(WORK, "site");
  const hugoOut = join(WORK, "hugo");
  const quireOut = join(WORK, "quire");
  rmSync(WORK + "/site", { recursive: true, force: true });
  run("python3", ["scripts/generate-blog.py", options.posts, site, "--long", "15000"]);
  placePaperMod(join(site, "themes"));
  rmSync(hugoOut, { recursive: true, force: true });
  run("hugo", ["--quiet", "--minify", "-s", site, "-d", hugoOut, "--baseURL", `${HUGO_AT}/`]);
  const dist = join(ROOT, "dist");
  if (!existsSync(join(dist, "index.html"))) throw new Error("no dist/index.html: run `trunk build --release --offline` first");
  rmSync(quireOut, { recursive: true, force: true });
  mkdirSync(quireOut, { recursive: true });
  // Trunk's output without the sample blog's pages: the shell and the app.
  for (const name of readdirSync(dist)) {
    if (/^(index\.html|.*\.(wasm|js|css|svg))$/.test(name)) cpSync(join(dist, name), join(quireOut, name));
  }
  run(join(ROOT, "target", "release", "quire"), ["build", "--root", site, "--out", quireOut, "--base-url", `${QUIRE_AT}/`]);
  return { hugoOut, quireOut };
}

const median = (values) => {
  const sorted = values.filter((value) => value != null).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
};

/** A fresh profile with a phone's screen, the given throttling, and a count of requests in flight and bytes received. */
async function freshPage(browser, throttle) {
  // Service workers blocked: requests a worker makes escape the page's
  // throttling and the byte count (Quire's keeps files for repeat visits).
  const context = await browser.newContext({ ...PHONE, serviceWorkers: "block" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const traffic = { inFlight: 0, bytes: 0, lastChange: Date.now() };
  cdp.on("Network.requestWillBeSent", () => Object.assign(traffic, { inFlight: traffic.inFlight + 1, lastChange: Date.now() }));
  const done = (event) => Object.assign(traffic, { inFlight: Math.max(0, traffic.inFlight - 1), bytes: traffic.bytes + (event.encodedDataLength ?? 0), lastChange: Date.now() });
  cdp.on("Network.loadingFinished", done);
  cdp.on("Network.loadingFailed", done);
  if (throttle) {
    await cdp.send("Network.emulateNetworkConditions", { offline: false, ...throttle });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle.cpu });
  }
  await page.addInitScript(watchPaints);
  return { context, page, traffic };
}

/** Waits until no request has been in flight for `quietMs`. */
async function networkQuiet({ traffic }, quietMs = 700) {
  for (;;) {
    if (traffic.inFlight === 0 && Date.now() - traffic.lastChange >= quietMs) return;
    await new Promise((wait) => setTimeout(wait, 50));
  }
}

/**
 * Put into every document: records the epoch time of each tap (pointerdown)
 * in sessionStorage, so a document loaded by the tap can read it, and the time it is
 * put back by the back-forward cache, and keeps this document's largest
 * contentful paint and layout shift.
 */
function watchPaints() {
  addEventListener("pointerdown", (event) => sessionStorage.setItem("tapAt", String(performance.timeOrigin + event.timeStamp)), true);
  // Put back by the back-forward cache: the frame after `pageshow` is painted.
  addEventListener("pageshow", (event) => {
    if (event.persisted) requestAnimationFrame(() => setTimeout(() => sessionStorage.setItem("restoredAt", String(performance.timeOrigin + performance.now()))));
  });
  window.__lcp = 0;
  window.__cls = 0;
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => (window.__lcp = entry.startTime))).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => (window.__cls += entry.hadRecentInput ? 0 : entry.value))).observe({ type: "layout-shift", buffered: true });
  // The frame at whose end `shown()` first holds, as epoch ms once it is painted (a task after the frame).
  window.__paintedWhen = (shown) =>
    new Promise((painted) => {
      const check = () => {
        if (shown()) {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => painted(performance.timeOrigin + performance.now());
          channel.port2.postMessage(0);
        } else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
}

/** The epoch ms of this document's first contentful paint. */
async function firstContentfulPaint(page) {
  return page.evaluate(
    () =>
      new Promise((done) => {
        const read = () => {
          const entry = performance.getEntriesByName("first-contentful-paint")[0];
          if (entry) done(performance.timeOrigin + entry.startTime);
          else setTimeout(read, 20);
        };
        read();
      }),
  );
}

/**
 * Taps the link `selector` and returns the ms from the tap to the frame
 * showing the page whose heading matches `heading`: a new document's first
 * contentful paint, or, if the app routed in the same document, the frame
 * showing it.
 */
async function tapTo(page, selector, heading, { hoverMs = 0 } = {}) {
  const link = page.locator(selector).first();
  // A reader sees a link before tapping it: scrolled to, then a moment's pause.
  await link.scrollIntoViewIfNeeded();
  await page.waitForTimeout(READER_PAUSE_MS);
  const href = await link.evaluate((a) => a.href);
  await page.evaluate(() => {
    window.__sameDocument = true;
    window.__painted = null;
  });
  // Armed before the tap: resolves when the app shows the new page in this document.
  await page.evaluate((heading) => {
    window.__painted = window.__paintedWhen(() => {
      const h1 = document.querySelector("main h1, h1");
      return h1 && h1.textContent.toLowerCase().includes(heading.toLowerCase()) && !document.querySelector("#quire-static");
    });
  }, heading);
  if (hoverMs) {
    await link.hover();
    await page.waitForTimeout(hoverMs);
    await page.mouse.down();
    await page.mouse.up();
  } else {
    await link.tap();
  }
  await page.waitForURL(href, { waitUntil: "commit", timeout: 10000 }).catch(async (error) => {
    throw new Error(`tapping ${selector} on ${page.url()} did not lead to ${href}: ${error.message}`);
  });
  const sameDocument = await page.evaluate(() => window.__sameDocument === true).catch(() => false);
  const tapAt = Number(await page.evaluate(() => sessionStorage.getItem("tapAt")));
  const paintedAt = sameDocument ? await page.evaluate(() => window.__painted) : await firstContentfulPaint(page);
  return paintedAt - tapAt;
}

/** Goes back and returns the ms until the previous page is painted again, and how it came back. */
async function backTo(page, heading) {
  const url = page.url();
  const startedAt = await page.evaluate((heading) => {
    window.__sameDocument = true;
    window.__painted = window.__paintedWhen(() => document.querySelector("h1")?.textContent.toLowerCase().includes(heading.toLowerCase()));
    sessionStorage.removeItem("restoredAt");
    const at = performance.timeOrigin + performance.now();
    history.back();
    return at;
  }, heading);
  await page.waitForURL((now) => now.href !== url, { waitUntil: "commit" });
  for (;;) {
    const state = await page
      .evaluate(() => ({ restoredAt: Number(sessionStorage.getItem("restoredAt")), sameDocument: window.__sameDocument === true, loaded: !!performance.getEntriesByName("first-contentful-paint")[0] }))
      .catch(() => ({}));
    if (state.restoredAt) return { ms: state.restoredAt - startedAt, how: "back-forward cache" };
    if (state.sameDocument && !state.restoredAt) {
      const painted = await page.evaluate(() => Promise.race([window.__painted, new Promise((later) => setTimeout(later, 100, null))]));
      if (painted) return { ms: painted - startedAt, how: "the app, same document" };
    } else if (state.loaded) {
      return { ms: (await firstContentfulPaint(page)) - startedAt, how: "loaded again" };
    }
    await page.waitForTimeout(20);
  }
}

async function walk(browser, base, throttle, { hoverMs }) {
  const session = await freshPage(browser, throttle);
  const { page } = session;
  await page.goto(base + "/");
  await networkQuiet(session);
  const homeBytes = session.traffic.bytes;
  const firstTitle = await page.locator("article h2 a, article h2, .post-entry h2").first().innerText();
  const postSelector = (await page.locator("article.post-card h2 a").count()) ? "article.post-card h2 a" : "article.post-entry a.entry-link";
  const first = await tapTo(page, postSelector, firstTitle.trim().slice(0, 20), { hoverMs });
  await networkQuiet(session, 300);
  const tagLink = page.locator("main a[href*='/tags/'], article a[href*='/tags/']").first();
  const tagName = (await tagLink.innerText()).trim().replace(/^#/, "");
  const later = await tapTo(page, "main a[href*='/tags/'], article a[href*='/tags/']", tagName, { hoverMs });
  await networkQuiet(session, 300);
  const back = await backTo(page, firstTitle.trim().slice(0, 20));
  await session.context.close();
  return { first, later, back: back.ms, backHow: back.how, homeBytes };
}

async function coldVisit(browser, base, path, throttle) {
  const session = await freshPage(browser, throttle);
  const { page } = session;
  await page.goto(base + path);
  const fcp = (await firstContentfulPaint(page)) - (await page.evaluate(() => performance.timeOrigin));
  await networkQuiet(session);
  await page.waitForTimeout(300);
  const { lcp, cls } = await page.evaluate(() => ({ lcp: window.__lcp, cls: window.__cls }));
  await session.context.close();
  return { fcp, lcp, cls };
}

const { hugoOut, quireOut } = buildBoth();
const servers = [await startServer(hugoOut, HUGO_PORT, "/", "github"), await startServer(quireOut, QUIRE_PORT, "/", "github")];
const SITES = [
  ["PaperMod", HUGO_AT, { hoverMs: 0 }],
  ["Quire, tap", QUIRE_AT, { hoverMs: 0 }],
  ["Quire, 250 ms hover first", QUIRE_AT, { hoverMs: READER_PAUSE_MS }],
];
// Playwright turns the back-forward cache off; a reader's browser has it on.
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, ignoreDefaultArgs: ["--disable-back-forward-cache"] });
const shortPost = "/posts/post-00000/";
const longPost = "/posts/a-very-long-post/";
const rows = [];
try {
  for (const [profile, throttle] of PROFILES) {
    const results = {};
    for (const [name, base, how] of SITES) {
      const walks = [];
      const visits = { short: [], long: [] };
      for (let round = 0; round < ROUNDS; round += 1) {
        walks.push(await walk(browser, base, throttle, how));
        if (!how.hoverMs) {
          visits.short.push(await coldVisit(browser, base, shortPost, throttle));
          visits.long.push(await coldVisit(browser, base, longPost, throttle));
        }
      }
      results[name] = { walks, visits };
    }
    const cell = (name, pick) => {
      const value = pick(results[name]);
      return value == null ? "" : value;
    };
    const ms = (values) => (median(values) == null ? null : `${Math.round(median(values))} ms`);
    const line = (label, pick) => rows.push(`| ${label}, ${profile} | ${SITES.map(([name]) => cell(name, pick)).join(" | ")} |`);
    line("first click after landing: home → post", (r) => ms(r.walks.map((w) => w.first)));
    line("later click: post → tag", (r) => ms(r.walks.map((w) => w.later)));
    line("back: tag → post", (r) => ms(r.walks.map((w) => w.back)) + ` (${r.walks[0].backHow})`);
    for (const size of ["short", "long"]) {
      const label = size === "short" ? "cold visit to a post" : "cold visit to a 15,000-word post";
      line(`${label}: first paint`, (r) => (r.visits[size].length ? ms(r.visits[size].map((v) => v.fcp)) : null));
      line(`${label}: largest paint`, (r) => (r.visits[size].length ? ms(r.visits[size].map((v) => v.lcp)) : null));
      line(`${label}: layout shift`, (r) => (r.visits[size].length ? median(r.visits[size].map((v) => v.cls)).toFixed(3) : null));
    }
    line("bytes of a cold home visit", (r) => `${(median(r.walks.map((w) => w.homeBytes)) / 1024).toFixed(1)} KB`);
  }
} finally {
  await browser.close();
  for (const server of servers) server.close();
}
console.log(`Quire and Hugo ${execFileSync("hugo", ["version"]).toString().split(" ")[1]} + PaperMod ${PAPERMOD_COMMIT.slice(0, 8)}, ${options.posts} generated posts and one of 15,000 words; medians of ${ROUNDS}; phone screen (390×844, touch)\n`);
console.log(`| | ${SITES.map(([name]) => name).join(" | ")} |`);
console.log(`|---|${SITES.map(() => "---").join("|")}|`);
console.log(rows.join("\n"));
