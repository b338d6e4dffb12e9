// A blog of 700 generated posts (scripts/generate-blog.py), read as a
// reader would: what the app fetches is the pages' own data, never a list
// of every post, and the archive opens with its newest year, the older
// years' posts coming when the reader asks for them.
import { execFileSync } from "node:child_process";
import { appendFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect } from "@playwright/test";
import { appReady, expectNoReload, markWindow, serveBlog, test } from "./fixtures.mjs";

test.describe.configure({ mode: "serial" });

const SOURCE = resolve(import.meta.dirname, "../../target/e2e-large-source");

let site;
test.beforeAll(async () => {
  execFileSync("python3", ["scripts/generate-blog.py", "700", SOURCE], { cwd: resolve(import.meta.dirname, "../..") });
  appendFileSync(resolve(SOURCE, "hugo.toml"), '\n[[menu.main]]\nname = "Archives"\nurl = "/archives/"\nweight = 1\n');
  site = await serveBlog(SOURCE, "large");
});
test.afterAll(async () => site?.stop());

/** The data files the page asks for, by path below data/. */
function dataRequests(page) {
  const paths = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    const at = path.indexOf("/data/");
    if (at >= 0) paths.push(path.slice(at + "/data/".length));
  });
  return paths;
}

test("home, a post, its tag and the tag's next page draw from their own data, never the whole list", async ({ page }) => {
  const fetched = dataRequests(page);
  await page.goto(site.url("/"));
  await appReady(page);
  await markWindow(page);
  const first = page.locator("article.post-card h2 a").first();
  const title = (await first.innerText()).trim();
  await first.click();
  await expect(page.locator("h1.post-title")).toHaveText(title);
  await expect(page.locator(".post-content p").first()).toBeVisible();
  // Its neighbours and related posts came with the post's data.
  await expect(page.locator(".paginav-older")).toBeVisible();
  await expect(page.locator(".related li")).toHaveCount(3);
  const tag = page.locator(".post-footer .post-tags a").first();
  const tagName = (await tag.innerText()).trim().replace(/^#/, "");
  await tag.click();
  await expect(page.locator("main h1")).toContainText(tagName);
  await expect(page.locator("article.post-card")).toHaveCount(10);
  await page.getByRole("link", { name: "Older posts" }).click();
  await expect(page.locator(".pager-position")).toHaveText(/^Page 2 of \d+$/);
  await expect(page.locator("article.post-card")).toHaveCount(10);
  await expectNoReload(page);
  expect(fetched.filter((path) => path.startsWith("manifest."))).toEqual([]);
  expect(fetched.filter((path) => path.startsWith("site."))).toHaveLength(1);
  expect(fetched.some((path) => path.startsWith("routes/"))).toBe(true);
});

test("the archive shows its newest year, and an older year's posts when the reader asks", async ({ page }) => {
  const fetched = dataRequests(page);
  await page.goto(site.url("/"));
  await appReady(page);
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Archives" }).click();
  await expect(page.locator("main h1")).toHaveText("Archives");
  // The newest year (2026, to November) is listed whole; 2025 waits.
  await expect(page.locator("#year-2026 .archive-month li")).toHaveCount(304);
  const more = page.locator("#year-2025").getByRole("button", { name: "Show the 365 posts of 2025" });
  await expect(more).toBeVisible();
  expect(fetched.filter((path) => path.includes("archives-"))).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  await more.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "target/e2e-results/archive-older-year.png" });
  await more.click();
  await expect(page.locator("#year-2025 .archive-month li")).toHaveCount(365);
  await expect(page.locator("#year-2025 a").first()).toBeFocused();
  await expect(page.locator("#year-2025 .archive-month h3").first()).toHaveText("December");
  expect(fetched.filter((path) => path.includes("archives-2025"))).toHaveLength(1);
  await page.screenshot({ path: "target/e2e-results/archive-older-year-shown.png" });
  // The year after it still waits.
  await expect(page.locator("#year-2024").getByRole("button")).toBeVisible();
});
