// The service worker (crates/quire-cli/src/service_worker.js): a reader's
// browser keeps what it fetched, so posts already read open with the
// network off, while a new release is seen at once. The rest of the suite
// runs with service workers blocked, so that its request interceptions see
// every request; these tests let the worker run.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect } from "@playwright/test";
import { POSTS, appReady, at, bodyFile, copyOfSampleBlog, open, serveBlog, test } from "./fixtures.mjs";

test.use({ serviceWorkers: "allow" });

/** Waits until the site's worker controls the page. */
async function workerInCharge(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null);
}

/** Whether the worker's cache holds a URL containing `part`. */
function kept(page, part) {
  return page.evaluate(async (part) => {
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      if ((await cache.keys()).some((request) => request.url.includes(part))) return true;
    }
    return false;
  }, part);
}

/** The files under data/ that the worker's cache holds, as `data/…`. */
function keptData(page) {
  return page.evaluate(async (data) => {
    const paths = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const path = new URL(request.url).pathname;
        if (path.startsWith(data)) paths.push(`data/${path.slice(data.length)}`);
      }
    }
    return paths.sort();
  }, at("/data/"));
}

test("posts already read open with the network off", async ({ page, context }) => {
  await open(page, "/");
  await workerInCharge(page);
  const post = POSTS[3];
  await page.getByRole("link", { name: post.title }).click();
  await expect(page.locator(".post-content h2").first()).toBeVisible();
  await expect.poll(() => kept(page, bodyFile(post))).toBe(true);

  await context.setOffline(true);
  // The post's own page was never fetched (the app drew it): the worker
  // answers with the kept home page, and the app draws the post over it.
  await page.reload();
  await appReady(page);
  await expect(page.locator("h1.post-title")).toHaveText(post.title);
  await expect(page.locator(".post-content h2").first()).toBeVisible();
  // The list it came from, and back to the post by a click.
  await page.goto(at("/"));
  await appReady(page);
  await page.getByRole("link", { name: post.title }).click();
  await expect(page.locator(".post-content h2").first()).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await context.setOffline(false);
});

test.describe("a new release", () => {
  let source;
  let site;
  test.beforeAll(async () => {
    source = copyOfSampleBlog("offline");
    site = await serveBlog(source, "offline", "netlify");
  });
  test.afterAll(async () => site?.stop());

  test("is seen at the next visit, although the worker kept the last one, whose files it then lets go", async ({ page }) => {
    const post = POSTS[1];
    const body = `data${bodyFile(post).slice("/data".length)}`;
    await page.goto(site.url("/"));
    await appReady(page);
    await workerInCharge(page);
    await page.getByRole("link", { name: post.title }).click();
    await expect(page.locator(".post-content h2").first()).toBeVisible();
    await expect.poll(async () => (await keptData(page)).some((path) => path.startsWith(body) && path.endsWith(".md"))).toBe(true);
    const before = await keptData(page);
    const oldSiteData = before.find((path) => path.startsWith("data/site."));
    const oldBody = before.find((path) => path.startsWith(body) && path.endsWith(".md"));
    expect(oldSiteData).toBeTruthy();

    const file = resolve(source, `content/posts/${post.slug}/index.md`);
    writeFileSync(file, readFileSync(file, "utf8") + "\n\nThis paragraph came with the new release.\n");
    site.rebuild(source);

    await page.reload();
    await appReady(page);
    await expect(page.locator(".post-content")).toContainText("This paragraph came with the new release.");
    // The home page kept from the last release still opens offline, so its
    // files stay until it comes back from the new release.
    expect(await keptData(page)).toContain(oldSiteData);
    await page.goto(site.url("/"));
    await appReady(page);
    // Then the last release's data files leave the cache; this one's stay.
    await expect.poll(() => keptData(page)).not.toContain(oldSiteData);
    const data = await keptData(page);
    expect(data.filter((path) => path.startsWith("data/site."))).toHaveLength(1);
    expect(data, "the post's old body").not.toContain(oldBody);
    const others = before.filter((path) => path.startsWith("data/posts/") && !path.startsWith(body));
    for (const other of others) expect(data, "an unchanged post's body").toContain(other);
  });
});
