// A reader opens the blog, reads the list, opens posts and moves around.
import { expect } from "@playwright/test";
import { PER_PAGE, POSTS, SITE_TITLE, appReady, askToSaveData, at, expectNoReload, idleTwice, markWindow, open, test, bodyFile, watchDrawnOutOfSight } from "./fixtures.mjs";

test("the home list shows every card field of the newest posts", async ({ page }) => {
  await open(page, "/");
  await expect(page).toHaveTitle(SITE_TITLE);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /distributed systems/);
  const cards = page.locator("article.post-card");
  await expect(cards).toHaveCount(PER_PAGE);
  for (const [index, post] of POSTS.slice(0, PER_PAGE).entries()) {
    const card = cards.nth(index);
    const cover = card.locator("img");
    await expect(cover).toHaveAttribute("alt", /\w{3,}.*\w{3,}/);
    // The first cover is the likely largest paint: it loads at once, the rest lazily.
    if (index === 0) {
      await expect(cover).not.toHaveAttribute("loading", /.*/);
      await expect(cover).toHaveAttribute("fetchpriority", "high");
    } else {
      await expect(cover).toHaveAttribute("loading", "lazy");
    }
    await expect(cover).toHaveAttribute("width", /^\d+$/);
    await expect(cover).toHaveAttribute("height", /^\d+$/);
    const link = card.locator("h2 a");
    await expect(link).toHaveText(post.title);
    await expect(link).toHaveAttribute("href", at(`/posts/${post.slug}/`));
    await expect(card.locator(".card-summary")).toHaveText(/\w+( \w+){8,}/);
    await expect(card.locator("time")).toHaveAttribute("datetime", post.date);
    await expect(card.locator("time")).toHaveText(post.shown);
    await expect(card.locator(".reading-time")).toHaveText(/^\d+ min$/);
    await expect(card.locator(".author")).toHaveText("Maya Lindqvist");
  }
  // Covers are real images that loaded.
  const firstCover = cards.first().locator("img");
  await expect.poll(() => firstCover.evaluate((img) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
});

test("clicking a card opens the post without a page load", async ({ page }) => {
  await open(page, "/");
  await markWindow(page);
  const post = POSTS[0];
  await page.getByRole("link", { name: post.title }).click();
  await expect(page).toHaveURL(at(`/posts/${post.slug}/`));
  await expect(page.locator("h1.post-title")).toHaveText(post.title);
  await expect(page).toHaveTitle(`${post.title} | ${SITE_TITLE}`);
  await expectNoReload(page);
});

test("a post renders its Markdown body, cover, tags and neighbours", async ({ page }) => {
  const post = POSTS[0];
  await open(page, `/posts/${post.slug}/`);
  const body = page.locator(".post-content");
  await expect(body.locator("h2").first()).toBeVisible();
  await expect(body.locator("h2").first()).toHaveAttribute("id", /^[a-z0-9-]+$/);
  await expect(body.locator("table")).toHaveCount(1);
  await expect(body.locator("pre code").first()).toBeVisible();
  await expect(body.locator(".footnote-ref a")).toHaveCount(1);
  await expect(page.locator(".post-header time")).toHaveText(post.shown);
  await expect(page.locator(".post-cover figcaption")).not.toBeEmpty();
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /\w+/);
  await expect(page.locator(".post-tags a")).toHaveCount(3);
  await expect(page.locator(".paginav-older")).toContainText(POSTS[1].title);
  await expect(page.locator(".paginav-newer")).toHaveCount(0);
});

test("footnote links stay on the post", async ({ page }) => {
  await open(page, `/posts/${POSTS[0].slug}/`);
  await markWindow(page);
  await page.locator(".footnote-ref a").click();
  await expect(page).toHaveURL(new RegExp(`/posts/${POSTS[0].slug}/#fn-`));
  await expect(page.locator("h1.post-title")).toBeVisible();
  await expectNoReload(page);
});

test("tags lead to tag pages, the tag index and back", async ({ page }) => {
  await open(page, `/posts/${POSTS[0].slug}/`);
  await markWindow(page);
  await page.locator(".post-tags a", { hasText: "#distributed-systems" }).click();
  await expect(page).toHaveURL(at("/tags/distributed-systems/"));
  await expect(page.locator("main h1")).toContainText("#distributed-systems");
  const cards = page.locator("article.post-card");
  await expect(cards.first()).toBeVisible();
  const count = await cards.count();
  await expect(page.locator("main h1")).toContainText(`${count} post`);
  await page.getByRole("link", { name: "Tags", exact: true }).click();
  await expect(page).toHaveURL(at("/tags/"));
  await expect(page).toHaveTitle(`Tags | ${SITE_TITLE}`);
  const tag = page.locator(".tag-cloud a", { hasText: "distributed-systems" });
  await expect(tag.locator(".tag-count")).toHaveText(String(count));
  await expectNoReload(page);
});

test("the archive lists every post by year and month", async ({ page }) => {
  await open(page, "/archives/");
  await expect(page).toHaveTitle(`Archives | ${SITE_TITLE}`);
  await expect(page.locator(".archive-year h2")).toHaveText([/^2026/, /^2025/, /^2024/]);
  await expect(page.locator(".archive-month li")).toHaveCount(POSTS.length);
  await expect(page.locator(".archive-year").first().locator("h3")).toHaveText(["March", "February"]);
  await page.getByRole("link", { name: POSTS[9].title }).click();
  await expect(page.locator("h1.post-title")).toHaveText(POSTS[9].title);
});

test("pagination reaches every post and stops at the end", async ({ page }) => {
  await open(page, "/");
  await markWindow(page);
  await page.getByRole("link", { name: "Older posts" }).click();
  await expect(page).toHaveURL(at("/page/2/"));
  await expect(page).toHaveTitle(`Page 2 | ${SITE_TITLE}`);
  await expect(page.locator("article.post-card h2")).toHaveText(POSTS.slice(PER_PAGE).map((p) => p.title));
  await expect(page.getByRole("link", { name: "Older posts" })).toHaveCount(0);
  await page.getByRole("link", { name: "Newer posts" }).click();
  await expect(page).toHaveURL(at("/"));
  await expectNoReload(page);
  await open(page, "/page/1/");
  await expect(page).toHaveURL(at("/"));
});

test("back and forward move between the list and a post", async ({ page }) => {
  await open(page, "/");
  await markWindow(page);
  await page.getByRole("link", { name: POSTS[1].title }).click();
  await expect(page.locator("h1.post-title")).toHaveText(POSTS[1].title);
  await page.goBack();
  await expect(page).toHaveURL(at("/"));
  await expect(page.locator("article.post-card")).toHaveCount(PER_PAGE);
  await page.goForward();
  await expect(page).toHaveURL(at(`/posts/${POSTS[1].slug}/`));
  await expect(page.locator("h1.post-title")).toHaveText(POSTS[1].title);
  await expect(page.locator(".post-content h2").first()).toBeVisible();
  await expectNoReload(page);
});

test("a deep link loads and survives a reload", async ({ page }) => {
  const post = POSTS[6];
  await open(page, `/posts/${post.slug}/`);
  await expect(page.locator("h1.post-title")).toHaveText(post.title);
  await page.reload();
  await appReady(page);
  await expect(page.locator("h1.post-title")).toHaveText(post.title);
  await expect(page.locator(".post-content h2").first()).toBeVisible();
  await open(page, "/tags/webrtc/");
  await page.reload();
  await appReady(page);
  await expect(page.locator("article.post-card")).toHaveCount(2);
});

test("a post seen before shows again at once, fetched only once", async ({ page }) => {
  const post = POSTS[2];
  const bodyRequests = [];
  page.on("request", (request) => {
    if (request.url().includes(bodyFile(post)) && request.url().endsWith(".md")) bodyRequests.push(request.url());
  });
  await open(page, "/");
  await page.getByRole("link", { name: post.title }).click();
  await expect(page.locator(".post-content h2").first()).toBeVisible();
  await page.goBack();
  await expect(page.locator("article.post-card").first()).toBeVisible();
  // Record any loading placeholder that appears from now on.
  await page.evaluate(() => {
    window.__sawLoading = false;
    new MutationObserver(() => {
      if (document.querySelector(".loading")) window.__sawLoading = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.getByRole("link", { name: post.title }).click();
  await expect(page.locator(".post-content h2").first()).toBeVisible();
  expect(await page.evaluate(() => window.__sawLoading)).toBe(false);
  expect(bodyRequests).toHaveLength(1);
});

test("hovering a card fetches its post before the click", async ({ page }) => {
  const post = POSTS[3];
  await open(page, "/");
  const fetched = page.waitForRequest((request) => request.url().includes(bodyFile(post)));
  await page.getByRole("link", { name: post.title }).hover();
  await fetched;
});

/** The posts whose body files `page` has asked for so far. */
function bodyRequests(page) {
  const slugs = [];
  page.on("request", (request) => {
    const post = POSTS.find((post) => request.url().includes(bodyFile(post)) && request.url().endsWith(".md"));
    if (post) slugs.push(post.slug);
  });
  return slugs;
}

test("the first posts on screen are fetched while the reader reads, within a budget", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const fetched = bodyRequests(page);
  await open(page, "/");
  await expect.poll(() => fetched.length).toBeGreaterThan(0);
  await idleTwice(page);
  // Two posts at most, and only posts whose card the reader can see.
  expect(fetched.length).toBeLessThanOrEqual(2);
  for (const slug of fetched) {
    const title = POSTS.find((post) => post.slug === slug).title;
    const box = await page.getByRole("link", { name: title }).boundingBox();
    expect(box.y, `${title} was on screen`).toBeLessThan(844);
  }
  // Scrolling further spends nothing more on this page.
  await page.mouse.wheel(0, 2000);
  await idleTwice(page);
  expect(fetched.length).toBeLessThanOrEqual(2);
  // A tap on the first card shows the post from what was fetched.
  const first = POSTS.find((post) => post.slug === fetched[0]);
  await page.evaluate(() => scrollTo(0, 0));
  await page.getByRole("link", { name: first.title }).click();
  await expect(page.locator(".post-content h2").first()).toBeVisible();
  expect(fetched.filter((slug) => slug === first.slug)).toHaveLength(1);
});

/** The images the page requests, as absolute addresses. */
function imageRequests(page) {
  const requested = [];
  page.on("request", (request) => request.resourceType() === "image" && requested.push(request.url()));
  return requested;
}

// The first click that opens a post compiled the code that draws a post,
// and laid out a post's header for the first time (behaviour/rehearsal.rs).
test("while the reader reads, the first post fetched is drawn once out of sight and leaves nothing behind", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const drawnOutOfSight = await watchDrawnOutOfSight(page);
  await open(page, "/");
  const homeTitle = await page.title();
  await expect.poll(() => drawnOutOfSight("post")).toHaveLength(1);
  await idleTwice(page);
  expect(await page.title(), "the post out of sight did not take the page's title").toBe(homeTitle);
  await expect(page.locator(".layout-ahead")).toHaveCount(0);
  await expect(page.locator("article.post")).toHaveCount(0);
  // Dropped once its effects have run: the element out of sight is empty.
  await expect
    .poll(() => page.evaluate(() => window.__drawnOutOfSight.find((drawn) => drawn.kind === "post").node.childElementCount))
    .toBe(0);
  // That post opens as any other, once, with its text.
  const [drawn] = await drawnOutOfSight("post");
  await markWindow(page);
  await page.getByRole("link", { name: drawn }).click();
  await expect(page.locator("main h1")).toHaveText(drawn);
  await expect(page.locator(".post-content h2").first()).toBeVisible();
  await expect(page.locator("article.post")).toHaveCount(1);
  await expectNoReload(page);
  // Once is enough: a post prefetched from here (pointed at) has its text
  // laid out ahead, and is not drawn.
  const texts = (await drawnOutOfSight("text")).length;
  await page.locator("main a[href*='/posts/']:not([href*='#'])").last().hover();
  await expect.poll(async () => (await drawnOutOfSight("text")).length).toBeGreaterThan(texts);
  await idleTwice(page);
  expect(await drawnOutOfSight("post")).toEqual([drawn]);
});

// A tap from a post to a tag laid out the tag's cards, words never shaped
// before, in front of the reader.
test("a list page fetched ahead is laid out once out of sight, and opens as before", async ({ page }) => {
  // Tall enough for the first card's tags to be on screen.
  await page.setViewportSize({ width: 390, height: 1200 });
  const drawnOutOfSight = await watchDrawnOutOfSight(page);
  await open(page, "/");
  await expect.poll(() => drawnOutOfSight("list")).not.toHaveLength(0);
  await idleTwice(page);
  await expect(page.locator(".layout-ahead")).toHaveCount(0);
  const lists = await drawnOutOfSight("list");
  expect(lists.length, "within the budget of lists fetched ahead").toBeLessThanOrEqual(2);
  // The first card's first tag is one of the first lists on screen.
  const tag = page.locator("article.post-card").first().locator(".card-tags a").first();
  const name = (await tag.innerText()).trim();
  expect(lists.some((list) => list.includes(name)), `${name} among ${lists}`).toBe(true);
  await markWindow(page);
  await tag.click();
  await expect(page.locator("main h1")).toContainText(name);
  await expect(page.locator("main article.post-card").first()).toBeVisible();
  await expectNoReload(page);
});

// A list's first card loads its cover at once, and so did the same card
// laid out ahead: a post's page fetched the cover of the newest post of
// its section and tags, never shown. A post drawn out of sight would load
// its cover too.
test("what is drawn or laid out ahead fetches no image the reader has not been shown", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 1200 });
  const drawnOutOfSight = await watchDrawnOutOfSight(page);
  const requested = imageRequests(page);
  // Not the newest post: its section's list starts with another post's cover.
  await open(page, "/posts/stripe-checkout-webhooks-polling/");
  await expect.poll(() => drawnOutOfSight("list")).not.toHaveLength(0);
  // A neighbour pointed at is fetched, its text laid out ahead and, the
  // first post fetched here, drawn whole: with its cover, which this page
  // does not show.
  await page.locator(".post-footer a[href*='/posts/']").first().hover();
  await expect.poll(() => drawnOutOfSight("text")).not.toHaveLength(0);
  await expect.poll(() => drawnOutOfSight("post")).not.toHaveLength(0);
  await idleTwice(page);
  await page.waitForTimeout(300);
  const shown = await page.evaluate(() => [...document.images].map((image) => image.currentSrc || image.src));
  expect(requested.filter((url) => !shown.includes(url) && !url.includes("favicon"))).toEqual([]);
});

// A post's neighbours and related posts come whole with its data, so a
// click on one fetches its body at once, beside its data: one round trip.
test("a click on a post's neighbour fetches its body at once, without waiting for its data", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // Far enough down the list that no list page fetched ahead names its neighbour.
  const arrived = [];
  page.on("requestfinished", async (request) => {
    if (request.url().includes("/data/routes/")) arrived.push(await (await request.response())?.text());
  });
  await open(page, `/posts/${POSTS[7].slug}/`);
  const holdsPost = (data, title) => {
    try {
      return JSON.parse(data).Post?.post?.title === title;
    } catch {
      return false;
    }
  };
  // The pre-rendered post's own data, fetched once the app has started.
  await expect.poll(() => arrived.some((data) => holdsPost(data, POSTS[7].title))).toBe(true);
  const older = page.locator("#quire-static .paginav-older");
  const title = (await older.locator(".paginav-title").innerText()).trim();
  expect(arrived.some((data) => holdsPost(data, title)), "the neighbour's data is not here yet").toBe(false);
  const afterClick = [];
  page.on("request", (request) => {
    if (request.url().includes("/data/")) afterClick.push(new URL(request.url()).pathname);
  });
  await older.click();
  await expect(page.locator("h1.post-title")).toHaveText(title);
  await expect(page.locator(".post-content p").first()).toBeVisible();
  expect(afterClick[0], "the body is asked for first").toMatch(/\/data\/posts\/.*\.md$/);
  expect(afterClick.filter((path) => path === afterClick[0]), "fetched once").toHaveLength(1);
});

// A reader who came to a post and read to its end tapped the next one and
// waited for its body: the budget had gone to the related posts above it.
test("at the end of a post, its next post is fetched before its related ones", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const fetched = bodyRequests(page);
  await open(page, `/posts/${POSTS[7].slug}/`);
  await idleTwice(page);
  expect(fetched, "nothing below the first screen is fetched yet").toEqual([]);
  const older = page.locator(".paginav-older:visible");
  await expect(older).toHaveAttribute("rel", "next");
  await expect(page.locator(".paginav-newer:visible")).toHaveAttribute("rel", "prev");
  await page.locator(".post-footer:visible").scrollIntoViewIfNeeded();
  await expect(page.locator(".related:visible a[href*='/posts/']").first()).toBeInViewport();
  // The older post first: the one laid out ahead, for a reader who came from the newest.
  await expect.poll(() => fetched[0]).toBe(POSTS[8].slug);
  await markWindow(page);
  await older.click();
  await expect(page.locator("h1.post-title")).toHaveText(POSTS[8].title);
  expect(fetched.filter((slug) => slug === POSTS[8].slug), "fetched once").toHaveLength(1);
  await expectNoReload(page);
});

test("a reader whose browser saves data gets nothing fetched before a click", async ({ page }) => {
  await askToSaveData(page);
  const fetched = bodyRequests(page);
  await open(page, "/");
  await idleTwice(page);
  await page.mouse.wheel(0, 600);
  await idleTwice(page);
  expect(fetched).toEqual([]);
  // Pointing at a card is asking: that still fetches its post.
  const wanted = page.waitForRequest((request) => request.url().includes(bodyFile(POSTS[1])));
  await page.getByRole("link", { name: POSTS[1].title }).hover();
  await wanted;
});

test("a pre-rendered post paints its first screen, then lays out the rest", async ({ page }) => {
  const post = POSTS[0];
  const served = await (await page.request.get(at(`/posts/${post.slug}/`))).text();
  expect(served).toContain('<div class="post-content" data-lazy-layout>');
  await open(page, `/posts/${post.slug}/`);
  await expect(page.locator(".post-content")).not.toHaveAttribute("data-lazy-layout");
  await expect(page.locator("html")).not.toHaveAttribute("data-full-layout");
});

test("a link to a heading of a pre-rendered post lands on the heading", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  const post = POSTS[0];
  await page.goto(at(`/posts/${post.slug}/#wrapping-up`));
  await appReady(page);
  await idleTwice(page);
  const heading = page.locator("#wrapping-up");
  // The page jumps there; it ends with the heading at the top.
  const top = async () => Math.round((await heading.boundingBox()).y);
  await expect.poll(top).toBeLessThan(120);
  expect(await top()).toBeGreaterThanOrEqual(0);
});

test("unknown addresses show the not-found view", async ({ page }) => {
  for (const path of ["/no-such-page/", "/posts/no-such-post/", "/tags/no-such-tag/", "/page/9/", "/tags/webrtc/page/2/"]) {
    await open(page, path);
    await expect(page.locator("main h1")).toHaveText("Page not found");
    await expect(page).toHaveTitle(`Page not found | ${SITE_TITLE}`);
    await expect(page.locator(".not-found code")).toHaveText(at(path));
  }
  await markWindow(page);
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(page.locator("article.post-card")).toHaveCount(PER_PAGE);
  await expectNoReload(page);
});

test("the layout fits a 360 px phone without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ["/", `/posts/${POSTS[0].slug}/`, "/archives/", "/tags/"]) {
    await open(page, path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, path).toBeLessThanOrEqual(360);
  }
});

test("an old address from a post's aliases leads to the post", async ({ page }) => {
  await page.goto(at("/2026/03/cap-theorem/"));
  await expect(page).toHaveURL(at(`/posts/${POSTS[0].slug}/`));
  await appReady(page);
  await expect(page.locator("h1.post-title")).toHaveText(POSTS[0].title);
  await page.goBack();
  await expect(page).not.toHaveURL(/cap-theorem\/$/);
});
