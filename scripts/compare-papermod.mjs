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
//   network is quiet (so Quire's start is included); then, as the first
//   click of a reader who landed on that post (from a search engine, say),
//   tap its first tag.
// - bytes: everything a cold home visit downloads until the network is quiet.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { READER_PAUSE_MS, SLOW_4G, backTo, firstContentfulPaint, freshPage, median, networkQuiet, placeApp, tapTo } from "./reader-walk.mjs";
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

const PROFILES = [
  ["no throttling", null],
  ["slow 4G", SLOW_4G],
];
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
  placeApp(join(ROOT, "dist"), quireOut);
  run(join(ROOT, "target", "release", "quire"), ["build", "--root", site, "--out", quireOut, "--base-url", `${QUIRE_AT}/`]);
  return { hugoOut, quireOut };
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
  // The reader who came from a search engine: their first tap is on a post.
  const tags = "main a[href*='/tags/'], article a[href*='/tags/']";
  const tagName = (await page.locator(tags).first().innerText()).trim().replace(/^#/, "");
  const tap = await tapTo(page, tags, tagName);
  await session.context.close();
  return { fcp, lcp, cls, tap };
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
      line(`${label}: then a tap on its first tag`, (r) => (r.visits[size].length ? ms(r.visits[size].map((v) => v.tap)) : null));
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
