// What the tests know about the sample blog, and helpers they share.
import { execFileSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { expect, test as base } from "@playwright/test";
import { startServer } from "./server.mjs";

/** The repository, and the release build the tests run against. */
const REPO = resolve(import.meta.dirname, "../..");
export const DIST = resolve(import.meta.dirname, process.env.QUIRE_E2E_DIST ?? "../../dist");

/**
 * Playwright's `test`, with every page watched for the browser refusing
 * something under the site's Content-Security-Policy: the whole suite runs
 * under the policy, and a refusal (a script, style or resource the pages
 * need, or markup that should never have reached them) fails the test.
 */
export const test = base.extend({
  page: async ({ page }, use) => {
    const refused = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await use(page);
    expect(refused, "the Content-Security-Policy refused something").toEqual([]);
  },
});

/** The sample blog's posts, newest first, as content/ has them. */
export const POSTS = [
  { slug: "cap-theorem-explained", title: "CAP Theorem Explained: Consistency vs Availability in Distributed Systems", date: "2026-03-09", shown: "March 9, 2026" },
  { slug: "stripe-checkout-webhooks-polling", title: "Integrating Stripe Payment with Checkout Flow (Webhooks + Polling)", date: "2026-03-03", shown: "March 3, 2026" },
  { slug: "wordpress-to-hugo-decap-cloudflare", title: "How to Migrate WordPress to Hugo with Decap CMS and Cloudflare Pages (Free Hosting)", date: "2026-02-08", shown: "February 8, 2026" },
  { slug: "s3-signed-url-cors", title: "Resolving CORS Errors When Fetching Images from AWS S3 with Signed URLs", date: "2025-06-29", shown: "June 29, 2025" },
  { slug: "ddia-chapter-1-lessons", title: "Building Robust Systems: Key Lessons from Designing Data-Intensive Applications Chapter 1", date: "2025-05-04", shown: "May 4, 2025" },
  { slug: "webrtc-signaling", title: "WebRTC Signaling & Connection Establishment", date: "2025-02-07", shown: "February 7, 2025" },
  { slug: "webrtc-fundamentals", title: "WebRTC Fundamentals", date: "2025-02-07", shown: "February 7, 2025" },
  { slug: "arm64-docker-buildx-qemu", title: "Building ARM64 Docker Images on x86_64 Machines Using QEMU and Docker Buildx", date: "2024-05-11", shown: "May 11, 2024" },
  { slug: "google-dataflow-pipelines", title: "Streamlining Data Processing with Google Dataflow", date: "2024-03-31", shown: "March 31, 2024" },
  { slug: "firestore-nosql", title: "Firestore: A NoSQL Database for Modern Applications", date: "2024-03-23", shown: "March 23, 2024" },
];

export const SITE_TITLE = "Quire Notes";

/**
 * The start of a post's body file's path, which the build names after the
 * post's address (`posts/<slug>/` gives `data/posts/posts-<slug>.<hash>.md`).
 */
export function bodyFile(post) {
  return `/data/posts/posts-${post.slug}.`;
}

/** The path the site is served under: `/`, or `/blog/` in the sub-path run. */
export const BASE = process.env.QUIRE_E2E_BASE ?? "/";

/** The URL path of a route written from the site root: `at("/tags/")` is `/blog/tags/` under `/blog/`. */
export function at(path) {
  return BASE + path.replace(/^\//, "");
}
export const PER_PAGE = 5;

/** Marks the window so a test can prove that no full page load happened since. */
export async function markWindow(page) {
  await page.evaluate(() => {
    window.__quireMarker = "still here";
  });
}

/** Fails unless the window marked by `markWindow` is still the same document. */
export async function expectNoReload(page) {
  expect(await page.evaluate(() => window.__quireMarker)).toBe("still here");
}

/**
 * Opens a route and waits until the app runs and has the site's data, so
 * clicks go to the app, and the page shows its main heading.
 */
export async function open(page, path) {
  await page.goto(at(path));
  await appReady(page);
}

/**
 * Has the page's browser ask to save data (`navigator.connection.saveData`),
 * as a reader on a metered plan does: the app then fetches nothing the
 * reader did not ask for.
 */
export async function askToSaveData(page) {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, "connection", { configurable: true, get: () => ({ saveData: true, effectiveType: "4g" }) });
  });
}

/** Waits until the app runs on the page loaded last (after a reload or a redirect). */
export async function appReady(page) {
  await expect(page.locator("html")).toHaveAttribute("data-quire", "ready");
  await expect(page.locator("main h1").first()).toBeVisible();
}

/**
 * A copy of the sample blog (content/, static/, quire.toml) under
 * target/e2e-<name>-source-<worker>, for a test that edits it; returns its folder.
 */
export function copyOfSampleBlog(name) {
  const source = workerFolder(`e2e-${name}-source`);
  rmSync(source, { recursive: true, force: true });
  for (const part of ["content", "static", "quire.toml"]) {
    const from = resolve(REPO, part);
    if (existsSync(from)) cpSync(from, resolve(source, part), { recursive: true });
  }
  return source;
}

/**
 * A folder under target/ for this worker alone: with `--repeat-each`, two
 * workers can run the same spec at once, and must not write into one folder.
 */
export function workerFolder(name) {
  return resolve(REPO, `target/${name}-${process.env.TEST_PARALLEL_INDEX ?? 0}`);
}

/**
 * Builds a blog of its own (a fixture under tests/fixtures/, or any folder
 * with quire.toml and content/) with the app of the release build under
 * test, and serves it as `host` would, on a free port. Returns the site's
 * folder, a function giving a path's URL and a function that stops it.
 */
export async function serveBlog(root, name, host = "netlify") {
  const out = workerFolder(`e2e-blogs/${name}`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  // The app's files and the page shell, as Trunk wrote them.
  for (const file of readdirSync(DIST)) {
    if (file === "index.html" || /-[0-9a-f]{10,16}(_bg)?\.(js|wasm|css|svg)$/.test(file)) {
      copyFileSync(join(DIST, file), join(out, file));
    }
  }
  buildBlog(root, out);
  const server = await startServer(out, 0, BASE, host);
  const port = server.address().port;
  return {
    out,
    url: (path) => `http://127.0.0.1:${port}${at(path)}`,
    rebuild: (from = root) => buildBlog(from, out),
    stop: () => new Promise((done) => server.close(done)),
  };
}

/** Runs `quire build` (the `tool` profile, which Trunk's hook has built) for the blog at `root` into `out`, for the address the tests serve. */
function buildBlog(root, out) {
  execFileSync(
    "cargo",
    ["run", "--quiet", "--locked", "--profile", "tool", "-p", "quire-cli", "--", "build", "--root", resolve(REPO, root), "--out", out, "--base-url", `https://fixture.example.org${BASE}`],
    { cwd: REPO, stdio: ["ignore", "ignore", "pipe"] },
  );
}

/**
 * What content must never put in a page: an element that runs or embeds
 * something, an event-handler, style or frame attribute, a script URL.
 * Run in the page; returns one line per problem. Quire's own icons and
 * the search form are not content.
 */
export function auditDocument() {
  const problems = [];
  const forbidden = new Set(["SCRIPT", "IFRAME", "FRAME", "FRAMESET", "OBJECT", "EMBED", "APPLET", "FORM", "SVG", "MATH", "STYLE", "BASE", "META", "LINK", "TEMPLATE"]);
  const ours = (element) => element.closest(".theme-toggle, .to-top, form.search-form") !== null;
  // A video player a reader asked for, from the hosts the policy allows.
  const player = (element) =>
    element.tagName === "IFRAME" &&
    /^https:\/\/(www\.youtube-nocookie\.com|www\.youtube\.com|player\.vimeo\.com)\//.test(element.getAttribute("src") ?? "");
  for (const element of document.body.querySelectorAll("*")) {
    const name = element.tagName.toUpperCase();
    if (forbidden.has(name) && !ours(element) && !player(element)) {
      problems.push(`<${name.toLowerCase()}> in the page: ${element.outerHTML.slice(0, 120)}`);
    }
    for (const { name: attribute, value } of element.attributes) {
      const lower = attribute.toLowerCase();
      if (lower.startsWith("on") || ["style", "srcdoc", "formaction"].includes(lower)) {
        problems.push(`${attribute}="${value.slice(0, 80)}" on <${element.tagName.toLowerCase()}>`);
      }
      if (["href", "src", "action", "formaction", "poster", "data", "cite", "background", "xlink:href", "srcset"].includes(lower)) {
        const compact = value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
        if (/^(javascript|vbscript|data):/.test(compact)) problems.push(`${attribute}="${value.slice(0, 80)}" on <${element.tagName.toLowerCase()}>`);
      }
    }
  }
  return problems;
}

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's violations on the page as it is now, one line each. */
export async function axeViolations(page) {
  // Evaluated by the test driver, as the Content-Security-Policy allows no
  // script tag of the test's own.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

/**
 * Resolves once the browser has been idle twice, so idle work the app
 * queued before has run (idle callbacks run in the order asked for); or
 * after a second each, since headless Chromium sometimes goes long without
 * an idle period (reading.spec's budget test shows the app's idle work runs).
 */
export async function idleTwice(page) {
  await page.evaluate(
    () => new Promise((done) => requestIdleCallback(() => requestIdleCallback(done, { timeout: 1000 }), { timeout: 1000 })),
  );
}

/**
 * Records what the app draws out of sight ahead of a click (`.layout-ahead`,
 * put in the page for one layout): each one's kind (`post`, a post drawn
 * whole; `text`, a post's text; `list`, a list page) and its heading, or a
 * text's first words.
 */
export async function watchDrawnOutOfSight(page) {
  await page.addInitScript(() => {
    window.__drawnOutOfSight = [];
    new MutationObserver((changes) => {
      for (const node of changes.flatMap((change) => [...change.addedNodes])) {
        if (node.nodeType !== 1 || !node.classList.contains("layout-ahead")) continue;
        const kind = node.querySelector("article.post") ? "post" : node.classList.contains("view") ? "list" : "text";
        const heading = kind === "text" ? node.textContent.trim().slice(0, 60) : node.querySelector("h1")?.textContent.trim();
        window.__drawnOutOfSight.push({ kind, heading, node });
      }
    }).observe(document, { childList: true, subtree: true });
  });
  return (kind) => page.evaluate((kind) => window.__drawnOutOfSight.filter((drawn) => drawn.kind === kind).map((drawn) => drawn.heading), kind);
}
