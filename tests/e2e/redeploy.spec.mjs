// A new release published while a reader has the old one open: the old
// release's data and post files are gone, and the reader who clicks on gets the
// new release, never a broken page.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect } from "@playwright/test";
import { POSTS, appReady, askToSaveData, bodyFile, copyOfSampleBlog, expectNoReload, markWindow, serveBlog, test } from "./fixtures.mjs";

test.describe.configure({ mode: "serial" });

let source;
let site;

test.beforeAll(async () => {
  source = copyOfSampleBlog("redeploy");
  site = await serveBlog(source, "redeploy", "github");
});
test.afterAll(async () => site?.stop());

test("a reader on release A who clicks after release B is published gets release B", async ({ page }) => {
  const post = POSTS[2];
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  // Nothing fetched ahead: the click is what meets the missing file (the
  // test below fetches ahead).
  await askToSaveData(page);
  await page.goto(site.url("/"));
  await appReady(page);

  // Release B: the post's text changes, so its file's name does too, and
  // the old release's data and body files are removed.
  const file = resolve(source, `content/posts/${post.slug}/index.md`);
  writeFileSync(file, readFileSync(file, "utf8") + "\n\nThis paragraph came with release B.\n");
  site.rebuild(source);

  await page.getByRole("link", { name: post.title }).first().click();
  await expect(page.locator(".post-content")).toContainText("This paragraph came with release B.");
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(page.locator("h1.post-title")).toHaveText(post.title);

  // The reader goes on reading, on release B now.
  await appReady(page);
  await page.locator(".site-title").first().click();
  await expect(page.locator("article.post-card").first()).toBeVisible();
  expect(errors).toEqual([]);
});

// The app fetched the first posts on screen ahead, unasked, and one of
// those files was gone by then: the page once reloaded itself under a
// reader who had done nothing.
test("a post fetched ahead and gone by then does not reload the page under the reader", async ({ page }) => {
  const post = POSTS[0];
  // The bodies fetched ahead wait until the new release is out.
  let release;
  const released = new Promise((done) => (release = done));
  const held = [];
  await page.route("**/data/posts/*.md", async (route) => {
    held.push(route.request().url());
    await released;
    await route.continue();
  });
  await page.goto(site.url("/"));
  await appReady(page);
  await markWindow(page);
  await expect.poll(() => held.some((url) => url.includes(bodyFile(post)))).toBe(true);

  const file = resolve(source, `content/posts/${post.slug}/index.md`);
  writeFileSync(file, readFileSync(file, "utf8") + "\n\nThis paragraph came with release C.\n");
  site.rebuild(source);
  const gone = page.waitForResponse((response) => response.url().includes(bodyFile(post)) && response.status() === 404);
  release();
  await gone;
  await page.evaluate(() => new Promise((done) => setTimeout(done, 500)));
  await expectNoReload(page);

  // Asked for, the post comes from the new release.
  await page.getByRole("link", { name: post.title }).first().click();
  await expect(page.locator(".post-content")).toContainText("This paragraph came with release C.");
});

// A page's data fetched ahead (the reader pointed at a link) and gone by
// then: nothing happens under the reader, and their click then finds the
// new release, rather than a not-found page.
test("a page's data fetched ahead and gone by then leads the click into the new release", async ({ page }) => {
  await page.goto(site.url("/"));
  await appReady(page);
  const before = await page.locator('meta[name="quire-site"]').getAttribute("content");
  await markWindow(page);
  let release;
  const released = new Promise((done) => (release = done));
  await page.route("**/data/routes/**", async (route) => {
    await released;
    await route.continue();
  });
  const tags = page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Tags" });
  const gone = page.waitForResponse((response) => response.url().includes("/data/routes/") && response.status() === 404);
  await tags.hover();

  const post = POSTS[3];
  const file = resolve(source, `content/posts/${post.slug}/index.md`);
  writeFileSync(file, readFileSync(file, "utf8") + "\n\nThis paragraph came with release D.\n");
  site.rebuild(source);
  release();
  await gone;
  await page.evaluate(() => new Promise((done) => setTimeout(done, 500)));
  await expectNoReload(page);

  await tags.click();
  await expect(page.locator("main h1")).toHaveText("Tags");
  await expect(page.locator('meta[name="quire-site"]')).not.toHaveAttribute("content", before);
  await expect(page.getByRole("alert")).toHaveCount(0);
});
