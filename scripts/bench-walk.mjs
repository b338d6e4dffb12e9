// What a reader downloads and waits for as a blog grows: generated blogs
// (scripts/generate-blog.py) of each size given, built by Quire's release
// build and served like GitHub Pages (gzip), walked in headless Chromium
// with a phone's screen: a cold visit to home until the app has started and
// the network is quiet, a tap on the first post, a tap on one of its tags,
// then the archive (its newest years; older ones by name). Prints, per size and network, the
// bytes of each step and its time, and the walk's bytes against the first
// size's.
//
//   node scripts/bench-walk.mjs [--posts 30,1000,10000] [--rounds 3]
//
// Needs `cargo build --release -p quire-cli` and `trunk build --release
// --offline` (dist/). Nothing here is a test: machines differ.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "../tests/e2e/chromium.mjs";
import { startServer } from "../tests/e2e/server.mjs";
import { SLOW_4G, freshPage, median, networkQuiet, placeApp, tapTo } from "./reader-walk.mjs";

const ROOT = resolve(import.meta.dirname, "..");
const WORK = join(ROOT, "target", "bench-walk");
const PORT = 8133;
const AT = `http://127.0.0.1:${PORT}`;
const { values: options } = parseArgs({ options: { posts: { type: "string", default: "30,1000,10000" }, rounds: { type: "string", default: "3" } } });
const SIZES = options.posts.split(",").map(Number);
const ROUNDS = Number(options.rounds);
const PROFILES = [
  ["no throttling", null],
  ["slow 4G, 4x CPU", SLOW_4G],
];

/** Generates a blog of `posts` posts and builds it; returns the output folder. */
function build(posts) {
  const site = join(WORK, String(posts), "site");
  const out = join(WORK, String(posts), "quire");
  rmSync(site, { recursive: true, force: true });
  execFileSync("python3", ["scripts/generate-blog.py", String(posts), site], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  placeApp(join(ROOT, "dist"), out);
  execFileSync(join(ROOT, "target", "release", "quire"), ["build", "--root", site, "--out", out, "--base-url", `${AT}/`], { stdio: ["ignore", "ignore", "inherit"] });
  return out;
}

/** One walk in a fresh profile: each step's bytes and ms. */
async function walk(browser, throttle) {
  const session = await freshPage(browser, throttle);
  const { page, traffic } = session;
  await page.goto(AT + "/");
  await page.waitForFunction(() => window.__appReadyAt != null, null, { timeout: 120_000 });
  await networkQuiet(session);
  const home = { bytes: traffic.bytes, ms: await page.evaluate(() => window.__appReadyAt) };
  const title = (await page.locator("article.post-card h2 a").first().innerText()).trim();
  let before = traffic.bytes;
  const postMs = await tapTo(page, "article.post-card h2 a", title.slice(0, 20));
  await networkQuiet(session, 300);
  const post = { bytes: traffic.bytes - before, ms: postMs };
  const tagLink = page.locator("article a[href*='/tags/']").first();
  const tag = (await tagLink.innerText()).trim().replace(/^#/, "");
  before = traffic.bytes;
  const tagMs = await tapTo(page, "article a[href*='/tags/']", tag);
  await networkQuiet(session, 300);
  const term = { bytes: traffic.bytes - before, ms: tagMs };
  // The archive lists every post; the generated blog's menu has no link to
  // it, so the walk adds one, which the app follows like any other.
  await page.evaluate(() => {
    const link = Object.assign(document.createElement("a"), { href: "/archives/", id: "bench-archives", textContent: "Archives" });
    document.querySelector("main").prepend(link);
  });
  before = traffic.bytes;
  const archiveMs = await tapTo(page, "#bench-archives", "Archives");
  await networkQuiet(session, 300);
  const archive = { bytes: traffic.bytes - before, ms: archiveMs };
  await session.context.close();
  return { home, post, term, archive };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
const rows = [];
const walkBytes = {};
try {
  for (const posts of SIZES) {
    const out = build(posts);
    const server = await startServer(out, PORT, "/", "github");
    try {
      for (const [profile, throttle] of PROFILES) {
        const walks = [];
        for (let round = 0; round < ROUNDS; round += 1) walks.push(await walk(browser, throttle));
        const step = (name) => {
          const bytes = median(walks.map((w) => w[name].bytes));
          return `${kb(bytes)}, ${Math.round(median(walks.map((w) => w[name].ms)))} ms`;
        };
        const total = median(walks.map((w) => w.home.bytes + w.post.bytes + w.term.bytes + w.archive.bytes));
        walkBytes[profile] ??= total;
        rows.push(`| ${posts.toLocaleString("en")} | ${profile} | ${step("home")} | ${step("post")} | ${step("term")} | ${step("archive")} | ${kb(total)} (${(total / walkBytes[profile]).toFixed(2)}x) |`);
      }
    } finally {
      server.close();
    }
  }
} finally {
  await browser.close();
}
console.log(`Medians of ${ROUNDS} walks; phone screen (390×844, touch); bytes as received (gzip); "app started" from the start of navigation\n`);
console.log("| posts | network | cold home: bytes, app started | tap a post: bytes, painted | tap a tag: bytes, painted | to the archive: bytes, painted | whole walk (against the first size) |");
console.log("|---|---|---|---|---|---|---|");
console.log(rows.join("\n"));
