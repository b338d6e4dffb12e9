// Reader features used as a reader would: search from the keyboard, the
// table of contents, copying links and code, scroll and focus on the way
// back and forth, and what surrounds a post.
import { expect } from "@playwright/test";
import { PER_PAGE, POSTS, SITE_TITLE, at, expectNoReload, markWindow, open, test, bodyFile } from "./fixtures.mjs";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

/** The scroll position once it has stopped moving (wheel scrolling glides). */
async function settledScroll(page) {
  let last = -1;
  for (;;) {
    const now = await page.evaluate(() => window.scrollY);
    if (now === last) return now;
    last = now;
    await page.waitForTimeout(150);
  }
}

/** Scrolls the home list well down, past its fourth card; returns that card and where the list stopped. */
async function scrollDownTheList(page) {
  const card = page.locator("article.post-card").nth(3);
  await card.scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 300);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(800);
  return { card, listScroll: await settledScroll(page) };
}

test("search opens with /, finds as you type, and is driven by the keyboard", async ({ page }) => {
  const searchRequests = [];
  page.on("request", (request) => {
    if (request.url().includes("/data/search")) searchRequests.push(new URL(request.url()).pathname);
  });
  await open(page, "/");
  await page.waitForLoadState("networkidle");
  expect(searchRequests, "the first visit does not fetch the search index").toEqual([]);
  await markWindow(page);

  await page.keyboard.press("/");
  await expect(page).toHaveURL(at("/search/"));
  const input = page.getByRole("searchbox", { name: "Search the posts" });
  await expect(input).toBeFocused();
  await page.keyboard.type("webrtc sig");
  const results = page.locator(".search-result a");
  await expect(results.first()).toContainText("WebRTC Signaling");
  await expect(results.first().locator("mark").first()).toHaveText(/webrtc/i);
  await expect(page.locator("#search-status")).toHaveText(/\d+ posts? found\./);
  // The meta file, then pieces of the index (words, then results), each once.
  expect(searchRequests[0]).toMatch(/\/data\/search\.[0-9a-f]+\.json$/);
  expect(searchRequests.slice(1).length).toBeGreaterThan(1);
  for (const piece of searchRequests.slice(1)) expect(piece).toMatch(/\/data\/search\/[td][0-9a-f]+\.json$/);
  expect(new Set(searchRequests).size, "no piece is fetched twice").toBe(searchRequests.length);

  // Full text counts too: a word only the body of a post has.
  await input.fill("buildx");
  await expect(results.first()).toContainText(POSTS[7].title);

  await input.fill("webrtc");
  await expect(results.nth(1)).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expect(results.nth(0)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(results.nth(1)).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(input).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page.locator("h1.post-title")).toHaveText(/WebRTC/);
  await expectNoReload(page);

  // Back to the results, then Escape clears the field and a second Escape leaves search.
  await page.goBack();
  await expect(input).toHaveValue("webrtc");
  await input.focus();
  await page.keyboard.press("Escape");
  await expect(input).toHaveValue("");
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(at("/"));
  await expectNoReload(page);
});

test("a search with no hits says so, and a search page opened directly works", async ({ page }) => {
  await page.goto(at("/search/?q=zzzqqq"));
  await expect(page.locator("#search-status")).toHaveText("No posts match “zzzqqq”.");
  await page.getByRole("searchbox").fill("cap theorem");
  await expect(page.locator(".search-result a").first()).toContainText(POSTS[0].title);
  // Once typing pauses, the query is in the address, for a reload or a shared link.
  await expect(page).toHaveURL(/\/search\/\?q=cap(\+|%20)theorem$/);
  await page.reload();
  await expect(page.getByRole("searchbox")).toHaveValue("cap theorem");
  // Opened first, search has no page to go back to: Escape twice leads home,
  // to the home page's own address (under a sub-path too).
  await page.getByRole("searchbox").press("Escape");
  await expect(page.getByRole("searchbox")).toHaveValue("");
  await page.getByRole("searchbox").press("Escape");
  await expect(page.locator("article.post-card")).toHaveCount(PER_PAGE);
  await expect(page).toHaveURL(new URL(at("/"), page.url()).href);
});

test("words typed into search before the app has started are kept, and typing goes on after them", async ({ page }) => {
  // The app's code is held back, so the reader types into the page as served.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/*_bg.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(at("/search/"));
  await page.getByRole("searchbox").pressSequentially("webrtc");
  release();
  await expect(page.locator("html")).toHaveAttribute("data-quire", "ready");
  await expect(page.getByRole("searchbox")).toHaveValue("webrtc");
  await expect(page.getByRole("searchbox")).toBeFocused();
  await page.keyboard.type(" sig");
  await expect(page.getByRole("searchbox")).toHaveValue("webrtc sig");
  await expect(page.locator(".search-result a").first()).toContainText("WebRTC Signaling");
});

test("a piece of the search index that fails to arrive says so, and Try again finds the posts", async ({ page }) => {
  // The first request for each piece fails, as on a flaky connection.
  const failed = new Set();
  await page.route("**/data/search/**", (route) => {
    const piece = new URL(route.request().url()).pathname;
    if (failed.has(piece)) return route.continue();
    failed.add(piece);
    return route.fulfill({ status: 503, body: "" });
  });
  await open(page, "/search/");
  await page.getByRole("searchbox").fill("cap theorem");
  await expect(page.getByText("could not be loaded: the server answered HTTP 503")).toBeVisible();
  await expect(page.locator("#search-results")).toHaveAttribute("aria-busy", "true");
  // The reader's query is kept; the pieces that failed are fetched again.
  // First the words' pieces fail, then, once they are here, the results' pieces.
  const retry = page.getByRole("button", { name: "Try again" });
  await expect(async () => {
    if (await retry.count()) await retry.click();
    await expect(page.locator(".search-result a").first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.locator(".search-result a").first()).toContainText(POSTS[0].title);
  await expect(page.locator("#search-results")).toHaveAttribute("aria-busy", "false");
  await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);
});

test("a piece of the search index that never answers says so in time, and Try again finds the posts", async ({ page }) => {
  test.setTimeout(60_000);
  // The first request for each run of words gets no answer, as on a
  // connection that stalled without failing.
  const asked = new Set();
  await page.route("**/data/search/t*.json", (route) => {
    const piece = new URL(route.request().url()).pathname;
    if (asked.has(piece)) return route.continue();
    asked.add(piece);
  });
  await open(page, "/search/");
  await page.getByRole("searchbox").fill("cap theorem");
  await expect(page.getByText("could not be loaded: the server did not answer in time")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.locator(".search-result a").first()).toContainText(POSTS[0].title);
  await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);
  await expect(page.getByRole("searchbox"), "the reader can type on").toBeFocused();
});

test("a piece of the search index that a query typed over no longer needs is aborted, and fetched again when wanted", async ({ page }) => {
  // The sample blog's index has three runs of words: "webrtc" is in the
  // last, "cap theorem" in the first two. The first request for a run never
  // gets an answer, as on a slow connection: it is "webrtc"'s.
  let heldRun;
  let asked = 0;
  await page.route("**/data/search/t*.json", (route) => {
    const run = new URL(route.request().url()).pathname;
    heldRun ??= run;
    if (run !== heldRun) return route.continue();
    asked += 1;
    return asked === 1 ? new Promise(() => {}) : route.continue();
  });
  const aborted = page.waitForEvent("requestfailed", (request) => new URL(request.url()).pathname === heldRun);
  await open(page, "/search/");
  await page.getByRole("searchbox").fill("webrtc");
  await expect.poll(() => asked).toBe(1);
  await page.getByRole("searchbox").fill("cap theorem");
  expect((await aborted).failure().errorText).toContain("ABORTED");
  await expect(page.locator(".search-result a").first()).toContainText(POSTS[0].title);
  // Aborted is not failed: wanted again, the run is asked for again.
  await page.getByRole("searchbox").fill("webrtc");
  await expect(page.locator(".search-result a").first()).toContainText("WebRTC Signaling");
  expect(asked).toBe(2);
  await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);
});

test("the table of contents lists the sections, folds, and jumps to them", async ({ page }) => {
  await open(page, "/archives/");
  await page.getByRole("link", { name: POSTS[0].title }).click();
  const toc = page.locator("details.toc");
  await expect(toc).toHaveAttribute("open", "");
  const links = toc.locator("nav a");
  await expect(links).toHaveCount(9);
  await expect(toc.locator("ol ol a")).toHaveCount(2);
  await links.filter({ hasText: "Where real systems land" }).click();
  await expect(page).toHaveURL(/#where-real-systems-land$/);
  await expect(page.locator("#where-real-systems-land")).toBeInViewport();
  // The keyboard goes there too: the next Tab is in that section, not back in the contents.
  await expect(page.locator("#where-real-systems-land")).toBeFocused();
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement.closest(".post-content, .post-footer")?.className)).toBeTruthy();
  await toc.locator("summary").click();
  await expect(links.first()).toBeHidden();
});

test("a heading's anchor copies the section's address", async ({ page }) => {
  await open(page, `/posts/${POSTS[0].slug}/`);
  const heading = page.locator(".post-content h2").nth(1);
  await heading.hover();
  await heading.locator(".heading-anchor").click();
  const id = await heading.getAttribute("id");
  await expect.poll(() => clipboard(page)).toBe(`http://127.0.0.1:${new URL(page.url()).port}${at(`/posts/${POSTS[0].slug}/`)}#${id}`);
  await expect(page.locator("#quire-announcer")).toHaveText("Link to the section copied");
});

test("code blocks are coloured, labelled, and copy with a confirmation", async ({ page }) => {
  await open(page, `/posts/${POSTS[5].slug}/`);
  const block = page.locator(".code-block").filter({ hasText: "WebSocketServer" }).first();
  await expect(block.locator(".code-lang")).toHaveText("JavaScript");
  await expect(block.locator(".hl-kw").first()).toBeVisible();
  const colour = await block.locator(".hl-kw").first().evaluate((span) => getComputedStyle(span).color);
  const plain = await block.locator("code").evaluate((code) => getComputedStyle(code).color);
  expect(colour, "keywords have their own colour").not.toBe(plain);
  const button = block.locator(".copy-button");
  await expect(button).toHaveAccessibleName("Copy");
  await button.click();
  await expect(button).toHaveText("Copied!");
  expect(await clipboard(page)).toBe(await block.locator("code").textContent());
  await expect(button).toHaveText("Copy", { timeout: 5000 });
});

/** The first block of the post's text that shows at the top of the window: how it starts, and where its top is. */
function blockAtTop() {
  const block = [...document.querySelectorAll(".post-content > *")].find((element) => element.getBoundingClientRect().bottom > 0);
  return [block?.textContent.slice(0, 60), Math.round(block?.getBoundingClientRect().top)];
}

test("back and forward return to where the reader was; a new page starts at the top", async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  await open(page, "/");
  await markWindow(page);
  const { card, listScroll } = await scrollDownTheList(page);
  await card.locator("h2 a").click();
  await expect(page.locator("h1.post-title")).toHaveText(POSTS[3].title);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);

  await page.mouse.wheel(0, 4000);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(3000);
  const postScroll = await settledScroll(page);
  const postTop = await page.evaluate(blockAtTop);
  await page.goBack();
  await expect(page.locator("article.post-card")).toHaveCount(PER_PAGE);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeCloseTo(listScroll, -1);
  await page.goForward();
  await expect(page.locator(".post-content h2").first()).toBeAttached();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeCloseTo(postScroll, -1);
  // The same text, not just the same offset: a post the app draws lays out
  // its far blocks a moment later (style/main.css), unless it is returned to.
  await expect.poll(() => page.evaluate(blockAtTop)).toEqual(postTop);
  await expectNoReload(page);
});

test("back to a page the browser loads afresh (no back-forward cache) returns to where the reader was", async ({ page }) => {
  // Playwright's Chromium keeps no back-forward cache: a step back to a
  // page left for another document loads that page again.
  await page.setViewportSize({ width: 1000, height: 700 });
  await open(page, "/");
  const { listScroll } = await scrollDownTheList(page);
  expect(listScroll).toBeGreaterThan(300);
  await page.goto(at("/tags/"));
  await page.goBack();
  await expect(page.locator("article.post-card")).toHaveCount(PER_PAGE);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeCloseTo(listScroll, -1);
  // And it stays there once the app has started over it.
  await expect(page.locator("html")).toHaveAttribute("data-quire", "ready");
  expect(await settledScroll(page)).toBeCloseTo(listScroll, -1);
});

test("back from a post still loading returns to where the reader was on the list", async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  await open(page, "/");
  const post = POSTS[3];
  let releaseBody;
  const bodyHeld = new Promise((release) => (releaseBody = release));
  await page.route(`**${bodyFile(post)}*`, async (route) => {
    await bodyHeld;
    await route.continue();
  });
  const { card, listScroll } = await scrollDownTheList(page);
  await card.locator("h2 a").click();
  await expect(page.locator("main .loading")).toBeVisible();
  await page.goBack();
  await expect(page.locator("article.post-card")).toHaveCount(PER_PAGE);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeCloseTo(listScroll, -1);
  // The post's wait for its body must not wake up later and move the list.
  const arrived = page.waitForResponse((response) => response.url().includes(bodyFile(post)));
  releaseBody();
  await arrived;
  await page.evaluate(() => new Promise((done) => {
    let frames = 30;
    const tick = () => (--frames ? requestAnimationFrame(tick) : done());
    requestAnimationFrame(tick);
  }));
  expect(await page.evaluate(() => window.scrollY)).toBeCloseTo(listScroll, -1);
});

test("focus moves to the new page's heading and its title is announced", async ({ page }) => {
  await open(page, "/");
  await page.getByRole("link", { name: "Archives" }).first().click();
  await expect(page.locator("main h1")).toBeFocused();
  await expect(page.locator("#quire-announcer")).toHaveText(`Archives | ${SITE_TITLE}`);
  // The next stop is in the page: the first year's heading, then its first post.
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toHaveAttribute("href", /\/archives\/\d{4}\/$/);
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toHaveAttribute("href", /\/posts\//);
});

test("the skip link takes the keyboard past the header, on the first page and after a page change", async ({ page }) => {
  await open(page, "/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" }).first()).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(page.locator("main :focus")).toHaveAttribute("href", /\/posts\//);

  await page.locator("main :focus").press("Enter");
  await expect(page.locator("h1.post-title")).toBeFocused();
  await page.locator("#quire-app .skip-link").focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(page.locator("main :focus")).toHaveCount(1);
  await expect(page.locator("header.site-header :focus")).toHaveCount(0);
});

test("a long page offers a way back to the top", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await open(page, `/posts/${POSTS[0].slug}/`);
  const button = page.getByRole("button", { name: "Back to top" });
  await expect(button).toBeHidden();
  await page.mouse.wheel(0, 3000);
  await expect(button).toBeVisible();
  await button.click();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await expect(button).toBeHidden();
});

test("around a post: breadcrumbs, last update, related posts and share links", async ({ page }) => {
  const updated = POSTS[2];
  await open(page, `/posts/${updated.slug}/`);
  const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(crumbs.getByRole("link")).toHaveText([SITE_TITLE, "Posts"]);
  await expect(crumbs.locator("[aria-current=page]")).toHaveText(updated.title);
  await expect(page.locator(".post-updated")).toHaveText("Updated February 20, 2026");

  await open(page, `/posts/${POSTS[5].slug}/`);
  await expect(page.locator(".post-updated")).toHaveCount(0);
  const related = page.locator(".related li a");
  await expect(related.first()).toHaveText(POSTS[6].title);
  expect(await related.count()).toBeLessThanOrEqual(3);
  const share = page.getByRole("region", { name: "Share this post" });
  const postUrl = encodeURIComponent(`https://quire.example.org${at(`/posts/${POSTS[5].slug}/`)}`);
  for (const [name, host] of [["X", "x.com"], ["LinkedIn", "linkedin.com"], ["Hacker News", "news.ycombinator.com"], ["Reddit", "reddit.com"]]) {
    const link = share.getByRole("link", { name: `Share on ${name} (opens in a new tab)` });
    await expect(link).toHaveAttribute("href", new RegExp(`${host.replace(".", "\\.")}.*${postUrl.replace(/[.%]/g, "\\$&")}`));
  }
  await expect(share.getByRole("link", { name: "Share by email" })).toHaveAttribute("href", /^mailto:\?subject=/);
  await share.getByRole("button", { name: "Copy link" }).click();
  expect(await clipboard(page)).toBe(decodeURIComponent(postUrl));
  expect(await page.locator("script[src]:not([src^='/'])").count(), "no third-party scripts").toBe(0);
});

test("list cards show their tags, which lead to the tag's page", async ({ page }) => {
  await open(page, "/");
  const tags = page.locator("article.post-card").first().locator(".card-tags a");
  await expect(tags).toHaveText(["#distributed-systems", "#databases", "#architecture"]);
  await markWindow(page);
  await tags.nth(1).click();
  await expect(page).toHaveURL(at("/tags/databases/"));
  await expectNoReload(page);
});

test.describe("on a touch screen", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  /** Records the mouse events and clicks the document sees, and whose they are. */
  const recordClicks = (page) =>
    page.evaluate(() => {
      window.__clicks = [];
      for (const type of ["mousedown", "mouseup", "click"]) {
        document.addEventListener(type, (event) => window.__clicks.push(`${type}${event.isTrusted ? "" : " (the app's)"}`), true);
      }
    });

  test("a tap on a link opens its page as the finger lifts, with the app's click instead of the browser's later one", async ({ page }) => {
    await open(page, "/");
    await markWindow(page);
    await recordClicks(page);
    const link = page.locator("article.post-card h2 a").first();
    const title = (await link.innerText()).trim();
    await link.tap();
    await expect(page.locator("main h1")).toHaveText(title);
    await expectNoReload(page);
    await expect(page.locator("main h1")).toBeFocused();
    expect(await page.evaluate(() => window.__clicks)).toEqual(["click (the app's)"]);
  });

  test("a touch that slides along a link, or rests on it for a long press, does not open it", async ({ page }) => {
    await open(page, "/");
    await recordClicks(page);
    const box = await page.locator("article.post-card h2 a").first().boundingBox();
    const [x, y] = [box.x + 20, box.y + box.height / 2];
    const cdp = await page.context().newCDPSession(page);
    const touch = (type, at = []) => cdp.send("Input.dispatchTouchEvent", { type, touchPoints: at.map(([x, y]) => ({ x, y })) });
    // Sideways, where the page cannot scroll: no scroll takes the touch over.
    await touch("touchStart", [[x, y]]);
    await touch("touchMove", [[x + 30, y]]);
    await touch("touchEnd");
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.__clicks), "a slide clicks nothing").toEqual([]);
    expect(new URL(page.url()).pathname).toBe(at("/"));
    // A long press is the browser's to read (a menu, a selection, or, in
    // this headless Chromium, a click of its own).
    await touch("touchStart", [[x, y]]);
    await page.waitForTimeout(600);
    await touch("touchEnd");
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.__clicks.filter((click) => click.includes("the app's"))), "a long press: no click of the app's").toEqual([]);
  });
});
