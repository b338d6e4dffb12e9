// A blog of 700 generated posts (scripts/generate-blog.py), read as a
// reader would: what the app fetches is the pages' own data, never a list
// of every post, and the archive opens with its newest year, the older
// years' posts coming when the reader asks for them (each older year has a
// page of its own, which a reader without JavaScript follows).
import { execFileSync } from "node:child_process";
import { appendFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect } from "@playwright/test";
import { appReady, at, expectNoReload, markWindow, serveBlog, test, workerFolder } from "./fixtures.mjs";

test.describe.configure({ mode: "serial" });

const SOURCE = workerFolder("e2e-large-source");

let site;
test.beforeAll(async () => {
  execFileSync("python3", ["scripts/generate-blog.py", "700", SOURCE], { cwd: resolve(import.meta.dirname, "../..") });
  appendFileSync(resolve(SOURCE, "hugo.toml"), '\n[[menu.main]]\nname = "Archives"\nurl = "/archives/"\nweight = 1\n');
  site = await serveBlog(SOURCE, "large");
});
test.afterAll(async () => site?.stop());

/** The name of a route's data file: FNV-1a (64 bits) of its address, as quire_core::route_data. */
function routeFile(path) {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(path)) {
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `${hash.toString(16).padStart(16, "0")}.json`;
}

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

test("the archive shows its newest year, and an older year's posts when the reader asks, still there at the same row after a post and back", async ({ page }) => {
  const fetched = dataRequests(page);
  await page.goto(site.url("/"));
  await appReady(page);
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Archives" }).click();
  await expect(page.locator("main h1")).toHaveText("Archives");
  // The newest year (2026, to November) is listed whole; 2025 waits.
  await expect(page.locator("#year-2026 .archive-month li")).toHaveCount(304);
  const more = page.locator("#year-2025").getByRole("link", { name: "Show the 365 posts of 2025" });
  await expect(more).toBeVisible();
  await expect(more).toHaveAttribute("href", at("/archives/2025/"));
  await page.setViewportSize({ width: 390, height: 844 });
  await more.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "target/e2e-results/archive-older-year.png" });
  await more.click();
  await expect(page.locator("#year-2025 .archive-month li")).toHaveCount(365);
  await expect(page.locator("#year-2025 .archive-month a").first()).toBeFocused();
  await expect(page.locator("#year-2025 .archive-month h3").first()).toHaveText("December");
  // In place: the archive stays, and the year's rows came from its page's data, once.
  await expect(page).toHaveURL(/\/archives\/$/);
  expect(fetched.filter((path) => path.endsWith(routeFile("archives/2025/")))).toHaveLength(1);
  await page.screenshot({ path: "target/e2e-results/archive-older-year-shown.png" });
  // The year after it still waits.
  await expect(page.locator("#year-2024").getByRole("link", { name: "Show the 31 posts of 2024" })).toBeVisible();
  // A post of that year, and back: the archive comes back with the year shown, at the same row.
  const row = page.locator("#year-2025 li a").nth(100);
  await row.scrollIntoViewIfNeeded();
  const title = (await row.innerText()).trim();
  const top = (await row.boundingBox()).y;
  await row.click();
  await expect(page.locator("h1.post-title")).toHaveText(title);
  await page.goBack();
  await expect(page.locator("#year-2025 .archive-month li")).toHaveCount(365);
  const back = page.locator("#year-2025 li a", { hasText: title }).first();
  await expect(back).toBeInViewport();
  expect(Math.abs((await back.boundingBox()).y - top)).toBeLessThan(2);
});

test("on the archive's pre-rendered page, an older year shows in place too, from the keyboard too", async ({ page }) => {
  await page.goto(site.url("/archives/"));
  await appReady(page);
  await markWindow(page);
  // From the keyboard: Enter on the link.
  await page.getByRole("link", { name: "Show the 31 posts of 2024" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#year-2024 .archive-month li")).toHaveCount(31);
  await expect(page.locator("#year-2024 .archive-month a").first()).toBeFocused();
  await expect(page).toHaveURL(/\/archives\/$/);
  await expectNoReload(page);
  // A new tab gets the year's own page.
  const [tab] = await Promise.all([
    page.context().waitForEvent("page"),
    page.getByRole("link", { name: "Show the 365 posts of 2025" }).click({ modifiers: ["Control"] }),
  ]);
  await tab.waitForLoadState();
  await expect(tab).toHaveURL(/\/archives\/2025\/$/);
  await expect(tab.locator("main h1")).toHaveText(/^Posts of 2025\s*365 posts$/);
  await expect(page.locator("#year-2025 li")).toHaveCount(0);
});

test("a year whose posts fail to come says so, keeps the focus, and comes when asked again", async ({ page }) => {
  let failing = true;
  await page.route(`**/${routeFile("archives/2025/")}`, (route) => (failing ? route.abort() : route.continue()));
  await page.goto(site.url("/archives/"));
  await appReady(page);
  const more = page.locator("#year-2025 a.archive-more");
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(more).toHaveText("The posts of 2025 could not be loaded. Try again");
  await expect(more).toBeFocused();
  await expect(page.locator("#quire-announcer")).toHaveText(/could not be loaded/i);
  failing = false;
  await page.keyboard.press("Enter");
  await expect(page.locator("#year-2025 .archive-month li")).toHaveCount(365);
  await expect(page.locator("#year-2025 .archive-month a").first()).toBeFocused();
  await expect(page).toHaveURL(/\/archives\/$/);
});

test("an older year of the archive is a page of its own, with and without the app", async ({ browser, page }) => {
  // Without JavaScript, the archive's link to a year is followed.
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const reader = await plain.newPage();
  await reader.goto(site.url("/archives/"));
  expect(await reader.locator("main li").count()).toBe(304);
  await reader.getByRole("link", { name: "Show the 365 posts of 2025" }).click();
  await expect(reader).toHaveURL(/\/archives\/2025\/$/);
  await expect(reader.locator("main h1")).toHaveText(/^Posts of 2025\s*365 posts$/);
  await expect(reader.locator("#year-2025 .archive-month li")).toHaveCount(365);
  await expect(reader.getByRole("navigation", { name: "Years" }).getByRole("link")).toHaveText(["← 2026", "All years", "2024 →"]);
  await plain.close();

  // With the app, from the year's page to the year before it, without a reload.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(site.url("/archives/2025/"));
  await appReady(page);
  await markWindow(page);
  await page.getByRole("link", { name: "2024 →" }).click();
  await expect(page.locator("main h1")).toHaveText(/^Posts of 2024\s*31 posts$/);
  await expect(page).toHaveTitle(/^Posts of 2024 \| /);
  await expect(page.locator("#year-2024 .archive-month li")).toHaveCount(31);
  await expect(page.getByRole("navigation", { name: "Years" }).getByRole("link")).toHaveText(["← 2025", "All years"]);
  await expectNoReload(page);
  await page.screenshot({ path: "target/e2e-results/archive-year-page.png", fullPage: false });
  await page.getByRole("link", { name: "All years" }).click();
  await expect(page.locator("main h1")).toHaveText("Archives");
  // A year's heading in the archive leads to the year's page.
  await page.locator("#year-2026 h2").getByRole("link", { name: "2026" }).click();
  await expect(page).toHaveURL(/\/archives\/2026\/$/);
  await expect(page.locator("main h1")).toHaveText(/^Posts of 2026\s*304 posts$/);
  await expectNoReload(page);
});
