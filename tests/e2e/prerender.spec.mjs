// The pages the build pre-renders: what crawlers, link previews and readers
// without JavaScript get, and how the app takes them over.
import { expect } from "@playwright/test";
import { BASE, PER_PAGE, POSTS, SITE_TITLE, at, expectNoReload, markWindow, test } from "./fixtures.mjs";

/** The sample blog's base_url, with the run's sub-path. */
const SITE_URL = `https://quire.example.org${BASE}`;

const ROUTES = [
  { path: "/", title: SITE_TITLE, heading: SITE_TITLE },
  { path: "/page/2/", title: `Page 2 | ${SITE_TITLE}`, heading: "Posts, page 2" },
  ...POSTS.map((post) => ({ path: `/posts/${post.slug}/`, title: `${post.title} | ${SITE_TITLE}`, heading: post.title, post })),
  { path: "/tags/", title: `Tags | ${SITE_TITLE}`, heading: "Tags" },
  { path: "/tags/webrtc/", title: `#webrtc | ${SITE_TITLE}`, heading: "#webrtc" },
  { path: "/archives/", title: `Archives | ${SITE_TITLE}`, heading: "Archives" },
  { path: "/archives/2025/", title: `Posts of 2025 | ${SITE_TITLE}`, heading: "Posts of 2025" },
];

const decode = (text) =>
  text.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
const metaContent = (html, attribute, key) =>
  [...html.matchAll(new RegExp(`<meta ${attribute}="${key}" content="([^"]*)">`, "g"))].map((m) => decode(m[1]));

test("every route's HTML, fetched without a browser, has its content and meta tags", async ({ request }) => {
  for (const route of ROUTES) {
    const response = await request.get(at(route.path));
    expect(response.status(), route.path).toBe(200);
    const html = await response.text();
    const url = SITE_URL + route.path.slice(1);
    expect(decode(html.match(/<title>([^<]*)<\/title>/)[1]), route.path).toBe(route.title);
    expect(metaContent(html, "name", "description")[0], route.path).toMatch(/\w+ \w+/);
    expect(html, route.path).toContain(`<link rel="canonical" href="${url}">`);
    expect(metaContent(html, "property", "og:url"), route.path).toEqual([url]);
    expect(metaContent(html, "property", "og:title")[0], route.path).toBe(route.title.replace(` | ${SITE_TITLE}`, ""));
    expect(html, route.path).toContain(`<link rel="alternate" type="application/rss+xml" title="${SITE_TITLE}" href="${BASE}index.xml">`);
    expect(html, route.path).toContain(`<div id="quire-static" data-path="${at(route.path)}">`);
    const main = html.slice(html.indexOf("<main"), html.indexOf("</main>"));
    expect(decode(main), route.path).toContain(`${route.heading}`);
    const jsonLd = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
    if (route.post) {
      expect(metaContent(html, "property", "og:type")).toEqual(["article"]);
      expect(metaContent(html, "property", "og:image")[0]).toBe(`${SITE_URL}posts/${route.post.slug}/cover.svg`);
      expect(metaContent(html, "name", "twitter:card")).toEqual(["summary_large_image"]);
      expect(jsonLd[0]).toMatchObject({ "@type": "BlogPosting", headline: route.post.title, datePublished: route.post.date, url });
      expect(main).toContain('<div class="post-content" data-lazy-layout>');
      expect(main.match(/<p>/g)?.length ?? 0, route.path).toBeGreaterThan(3);
    }
    if (route.path !== "/") {
      const crumbs = jsonLd.find((item) => item["@type"] === "BreadcrumbList");
      expect(crumbs.itemListElement.at(-1).item, route.path).toBe(url);
      expect(crumbs.itemListElement[0].item, route.path).toBe(SITE_URL);
    }
  }
  const home = await (await request.get(at("/"))).text();
  for (const post of POSTS.slice(0, PER_PAGE)) expect(decode(home)).toContain(`<a href="${at(`/posts/${post.slug}/`)}">${post.title}</a>`);
});

test("the not-found page answers 404 with the site's not-found view", async ({ request }) => {
  const response = await request.get(at("/no-such-page/"));
  expect(response.status()).toBe(404);
  const html = await response.text();
  expect(html).toContain("<h1>Page not found</h1>");
  expect(html).toContain('<meta name="robots" content="noindex">');
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("a reader can read a post and follow every kind of link", async ({ page }) => {
    await page.goto(at("/"));
    await expect(page.locator("article.post-card")).toHaveCount(PER_PAGE);
    await expect(page.locator(".theme-toggle")).toBeHidden();
    const post = POSTS[1];
    await page.getByRole("link", { name: post.title }).click();
    await expect(page).toHaveURL(at(`/posts/${post.slug}/`));
    await expect(page.locator("h1.post-title")).toHaveText(post.title);
    await expect(page.locator(".post-content h2").first()).toBeVisible();
    expect(await page.locator(".post-content p").count()).toBeGreaterThan(3);
    // Laid out in full: no block takes its size as it scrolls into view,
    // moving the links below it (a click here once missed a tag that moved).
    const layout = await page.locator(".post-content > *").evaluateAll((blocks) => [...new Set(blocks.map((block) => getComputedStyle(block).contentVisibility))]);
    expect(layout).toEqual(["visible"]);
    const cover = page.locator(".post-cover img");
    await expect.poll(() => cover.evaluate((img) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await page.locator(".paginav-older").click();
    await expect(page.locator("h1.post-title")).toHaveText(POSTS[2].title);
    await page.locator(".post-tags a").first().click();
    await expect(page.locator("main h1")).toContainText("#");
    await expect(page.locator("article.post-card").first()).toBeVisible();
    await page.getByRole("link", { name: "Archives" }).click();
    await expect(page.locator("main h1")).toHaveText("Archives");
    await page.getByRole("link", { name: POSTS[9].title }).click();
    await expect(page.locator("h1.post-title")).toHaveText(POSTS[9].title);
    await page.getByRole("link", { name: "Tags", exact: true }).click();
    await page.getByRole("link", { name: /^webrtc/ }).click();
    await expect(page.locator("main h1")).toContainText("#webrtc");
    await page.locator(".site-title").click();
    await page.locator(".pager-older").click();
    await expect(page).toHaveURL(at("/page/2/"));
    await expect(page.locator("main h1")).toHaveText("Posts, page 2");
  });
});

test("the app starts over every kind of page without moving anything, then draws the same page", async ({ page }) => {
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  for (const path of ["/", `/posts/${POSTS[0].slug}/`, "/tags/", "/tags/webrtc/", "/archives/", "/page/2/"]) {
    await page.goto(at(path));
    await expect(page.locator("html")).toHaveAttribute("data-quire", "ready");
    await page.waitForLoadState("networkidle");
    const shift = await page.evaluate(() => window.__shift);
    console.log(`figure: layout shift while the app starts on ${path}: ${shift.toFixed(4)}`);
    expect(shift, path).toBeLessThanOrEqual(0.01);
    // Once idle, the app's shell has taken the pre-rendered one's place,
    // with the pre-rendered content in its <main>; nothing moved (above).
    // A long post stays as served until the reader leaves it.
    if (path.startsWith("/posts/")) {
      await expect(page.locator("#quire-static main")).toHaveCount(1);
      await expect(page.locator("#quire-app")).toBeHidden();
    } else {
      await expect(page.locator("#quire-app #quire-static")).toHaveCount(1);
      await expect(page.locator("#quire-app")).toBeVisible();
    }
    const prerendered = await page.locator("#main").innerText();

    // Leave through a link (the app takes over) and come back: the app's own
    // drawing of the route reads exactly like the pre-rendered one.
    await markWindow(page);
    const away = path === "/archives/" ? page.locator(".site-title:visible") : page.locator(".menu").getByRole("link", { name: "Archives" });
    await away.click();
    await expect(page.locator("#quire-static")).toHaveCount(0);
    await expect(page).not.toHaveURL(at(path));
    await page.goBack();
    await expect(page).toHaveURL(at(path));
    await expect(page.locator("#quire-app main .loading")).toHaveCount(0);
    expect(await page.locator("#quire-app main").innerText(), `${path}: the app draws what the build drew`).toBe(prerendered);
    await expectNoReload(page);
  }
});

/** A screenshot once the page has stopped changing (the "Back to top" button fades in after a scroll). */
async function settledScreenshot(page) {
  let last = await page.screenshot();
  for (let tries = 0; tries < 20; tries += 1) {
    await page.waitForTimeout(100);
    const next = await page.screenshot();
    if (next.equals(last)) return next;
    last = next;
  }
  return last;
}

/** Holds the site's data back until the returned function is called; the next hold replaces this one. */
async function holdSiteData(page) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.unroute("**/data/site.*.json");
  await page.route("**/data/site.*.json", async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** How many pixels differ between two screenshots of the same size, counted in a blank page beside `page`. */
async function differingPixels(page, first, second) {
  const blank = await page.context().newPage();
  const differing = await blank.evaluate(async (urls) => {
    const pixels = await Promise.all(
      urls.map(async (url) => {
        const image = new Image();
        image.src = url;
        await image.decode();
        const canvas = Object.assign(document.createElement("canvas"), { width: image.width, height: image.height });
        const context = canvas.getContext("2d");
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height).data;
      }),
    );
    let differing = 0;
    for (let at = 0; at < pixels[0].length; at += 4) {
      if (pixels[0][at] !== pixels[1][at] || pixels[0][at + 1] !== pixels[1][at + 1] || pixels[0][at + 2] !== pixels[1][at + 2]) differing += 1;
    }
    return differing;
  }, [first, second].map((png) => `data:image/png;base64,${png.toString("base64")}`));
  await blank.close();
  return differing;
}

test("while the browser is idle, the app's shell takes the pre-rendered one's place and the page looks the same, unless the reader is in the page or it is long", async ({ page }) => {
  await page.addInitScript(() => {
    window.__seen = { shift: 0, largestPaints: 0 };
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => (window.__seen.shift += entry.value))).observe({ type: "layout-shift", buffered: true });
    new PerformanceObserver((list) => (window.__seen.largestPaints += list.getEntries().length)).observe({ type: "largest-contentful-paint", buffered: true });
  });
  const seen = () => page.evaluate(() => new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(() => frame({ ...window.__seen })))));
  // Each list page well down, with blocks above the view laid out lazily;
  // home also at the top, as a reader who has not scrolled sees it.
  const pages = ["/", "/tags/", "/tags/webrtc/", "/archives/", "/page/2/"].map((path) => [path, "light", 1200]);
  for (const [path, theme, top] of [...pages, ["/", "dark", 1200], ["/", "light", 0], ["/", "dark", 0]]) {
    await page.emulateMedia({ colorScheme: theme });
    // The shell is drawn from the site's data: held back, the page stays as served.
    const release = await holdSiteData(page);
    await page.goto(at(path));
    // The page lays its far blocks out in full once idle; scrolled before
    // that, a position past their estimated heights would not hold.
    await page.waitForFunction(() => document.querySelector("[data-lazy-layout]") === null);
    const scrolled = await page.evaluate((top) => (window.scrollTo({ top, behavior: "instant" }), window.scrollY), top);
    // The covers scrolled into view are loaded and drawn first.
    await page.waitForFunction(() =>
      [...document.images].filter((image) => image.getBoundingClientRect().bottom > 0 && image.getBoundingClientRect().top < innerHeight).every((image) => image.complete),
    );
    await page.evaluate(() => Promise.all([...document.images].filter((image) => image.complete).map((image) => image.decode().catch(() => {}))));
    const served = await settledScreenshot(page);
    const before = await seen();
    release();
    await expect(page.locator("#quire-app #quire-static")).toHaveCount(1);
    await expect(page.locator("#quire-app")).toBeVisible();
    await expect(page.locator("#main")).toHaveCount(1);
    expect(await page.evaluate(() => window.scrollY), path).toBe(scrolled);
    // No layout shift as the shell takes over, and at the top no new
    // largest paint. (Scrolled down without input, a cover in view that is
    // larger than the page's largest paint counts again once moved; a
    // reader's own scroll ends the largest paint's measure before that.)
    const after = await seen();
    expect(after.shift, path).toBe(before.shift);
    if (top === 0) expect(after.largestPaints, path).toBe(before.largestPaints);
    // Rounded corners' edges may be smoothed a little differently: a few pixels each.
    expect(await differingPixels(page, served, await page.screenshot()), `${path} (${theme}, at ${top}) looks the same with the app's shell`).toBeLessThan(100);
  }
  // Two pages stay as served until the first click, which hands over as
  // it always did: one whose reader has focus in it, and a long post (laid
  // out again, its text would cost a slow phone a long task).
  const first = page.locator("#quire-static article.post-card h2 a").first();
  const tag = page.locator("#quire-static .post-tags a").first();
  for (const [path, link] of [["/", first], [`/posts/${POSTS[0].slug}/`, tag]]) {
    const release = await holdSiteData(page);
    await page.goto(at(path));
    if (link === first) await first.focus();
    release();
    await expect(page.locator("html")).toHaveAttribute("data-quire", "ready");
    await page.waitForTimeout(500);
    if (link === first) await expect(first).toBeFocused();
    await expect(page.locator("#quire-app"), path).toBeHidden();
    await expect(page.locator("#quire-static"), path).toHaveCount(1);
    const name = await link.textContent();
    await link.press("Enter");
    await expect(page.locator("#quire-static")).toHaveCount(0);
    await expect(page.locator("main h1")).toContainText(link === first ? POSTS[0].title : name.trim());
  }
});
