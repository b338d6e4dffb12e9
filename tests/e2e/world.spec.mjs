// A blog in five languages (tests/fixtures/world-blog): addresses that are
// not ASCII (`/posts/café/`, `/tags/日本語/`) are taken over by the app like
// any other, and the files for machines carry them percent-encoded.
import { expect } from "@playwright/test";
import { appReady, expectNoReload, markWindow, serveBlog, test } from "./fixtures.mjs";

test.describe.configure({ mode: "serial" });

let site;
test.beforeAll(async () => {
  site = await serveBlog("tests/fixtures/world-blog", "world");
});
test.afterAll(async () => site?.stop());

test("a post at a non-ASCII address keeps its pre-rendered page until the reader leaves it", async ({ page }) => {
  await page.goto(site.url("/posts/café/"));
  await appReady(page);
  // The app started over the page and left it alone: no loading state.
  await expect(page.locator("#quire-static h1.post-title")).toHaveText("Café au lait: ein Rezept");
  await expect(page.locator("main .loading")).toHaveCount(0);
  await markWindow(page);

  // A tag in Japanese, through the app.
  await page.locator("#quire-static .post-tags").getByRole("link", { name: "#日本語" }).click();
  await expect(page.locator("#quire-static")).toHaveCount(0);
  await expect(page.locator("main h1")).toContainText("#日本語");
  await expect(page.locator("main .post-card")).toHaveCount(3);
  expect(decodeURIComponent(new URL(page.url()).pathname)).toMatch(/\/tags\/日本語\/$/);

  // A post in Japanese, and back to the German one through its link.
  await page.getByRole("link", { name: "日本語の投稿" }).first().click();
  await expect(page.locator("h1.post-title")).toHaveText("日本語の投稿");
  await expect(page.locator(".post-content")).toContainText("東京は大きな都市です");
  await page.getByRole("link", { name: "カフェの記事" }).click();
  await expect(page.locator("h1.post-title")).toHaveText("Café au lait: ein Rezept");
  await expect(page.locator(".post-meta .author")).toHaveText("Maëlle Salmon and Ümit Özdemir");
  await expectNoReload(page);

  // Reloading a page the app drew gives the same page.
  await page.reload();
  await appReady(page);
  await expect(page.locator("#quire-static h1.post-title")).toHaveText("Café au lait: ein Rezept");
});

test("Arabic, Chinese and Turkish posts and tags read and link correctly", async ({ page }) => {
  await page.goto(site.url("/tags/"));
  await appReady(page);
  for (const tag of ["#العربية", "#中文", "#İstanbul", "#Çay"]) {
    await page.locator("main .tag-cloud a", { hasText: tag.slice(1) }).first().click();
    await expect(page.locator("main h1")).toContainText(tag);
    await page.locator("main .post-card a").first().click();
    await expect(page.locator("h1.post-title")).toBeVisible();
    await expect(page.locator(".post-content p").first()).not.toBeEmpty();
    await page.goBack();
    await page.goBack();
    await expect(page.locator("main .tag-cloud")).toBeVisible();
  }
});

test("the sitemap and the feeds name every address percent-encoded", async ({ request }) => {
  const sitemap = await (await request.get(site.url("/sitemap.xml"))).text();
  const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
  expect(locs.length).toBeGreaterThan(8);
  for (const loc of locs) expect(loc, loc).toMatch(/^[\x21-\x7e]+$/);
  expect(locs).toContain("https://fixture.example.org" + new URL(site.url("/posts/café/")).pathname.replace("café", "caf%C3%A9"));
  const feed = await (await request.get(site.url("/index.xml"))).text();
  for (const [, link] of feed.matchAll(/<link>([^<]+)<\/link>/g)) expect(link, link).toMatch(/^[\x21-\x7e]+$/);
  const tagFeed = await request.get(site.url("/tags/日本語/index.xml"));
  expect(tagFeed.status()).toBe(200);
});
