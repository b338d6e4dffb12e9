// What a reader sees when the network or the content misbehaves.
import { expect } from "@playwright/test";
import { PER_PAGE, POSTS, SITE_TITLE, askToSaveData, at, open, test, bodyFile } from "./fixtures.mjs";

const FAILURES = [
  ["HTTP 500", (route) => route.fulfill({ status: 500, body: "boom" }), /HTTP 500/],
  ["HTTP 404", (route) => route.fulfill({ status: 404, body: "gone" }), /could not be found on the server \(HTTP 404\)/],
  ["garbage JSON", (route) => route.fulfill({ status: 200, contentType: "application/json", body: "{not json" }), /damaged/],
  ["network down", (route) => route.abort("internetdisconnected"), /network request failed/],
];

// The site's data, and a page's (a missing one of which means no such page).
for (const [file, pattern, failures] of [
  ["the site's data", "**/data/site.*.json", FAILURES],
  ["a page's data", "**/data/routes/**", FAILURES.filter(([name]) => name !== "HTTP 404")],
]) {
  for (const [name, failure, message] of failures) {
    test(`failing to get ${file} (${name}) leaves the page readable, then explains itself and retries`, async ({ page }) => {
      const errors = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.route(pattern, failure);
      await page.goto(at("/"));
      // The app has started; the reader still has the pre-rendered page.
      await expect(page.locator("html")).toHaveAttribute("data-quire", "ready");
      await expect(page.locator("#quire-static article.post-card")).toHaveCount(PER_PAGE);
      // Following a link hands over to the app, which says what went wrong.
      await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Archives" }).click();
      const alert = page.getByRole("alert");
      await expect(alert).toContainText(message);
      await page.unroute(pattern);
      await alert.getByRole("button", { name: "Try again" }).click();
      // The button went with the message; the keyboard is still in the page.
      await expect(page.locator("#quire-app main")).toBeFocused();
      await expect(page.locator("main h1")).toHaveText("Archives");
      await expect(page.locator(".archive-year")).not.toHaveCount(0);
      expect(errors).toEqual([]);
    });
  }
}

test("a failed post body keeps the rest of the site working", async ({ page }) => {
  const post = POSTS[4];
  await open(page, "/");
  await page.route(`**${bodyFile(post)}*`, (route) => route.fulfill({ status: 503, body: "" }));
  await page.getByRole("link", { name: post.title }).click();
  await expect(page.locator("h1.post-title")).toHaveText(post.title);
  await expect(page.getByRole("alert")).toContainText("HTTP 503");
  await page.unroute(`**${bodyFile(post)}*`);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.locator(".post-content h2").first()).toBeVisible();
  await expect(page.locator("h1.post-title"), "focus is where the post starts, not lost with the button").toBeFocused();
  await page.locator(".site-title").click();
  await expect(page.locator("article.post-card")).toHaveCount(PER_PAGE);
  await expect(page).toHaveTitle(SITE_TITLE);
});

test("a request that stalls is made again; one that keeps stalling ends in a message and a retry", async ({ page }) => {
  test.setTimeout(150_000);
  // A connection can stall without failing (a phone between networks):
  // the request waits for good unless the app gives up on it. The first
  // post's body gets no answer the first time; the second's, none at all.
  const [once, never] = [POSTS[4], POSTS[3]];
  const asked = { once: 0, never: 0 };
  await page.route(`**${bodyFile(once)}*.md`, (route) => (asked.once++ === 0 ? undefined : route.continue()));
  await page.route(`**${bodyFile(never)}*.md`, () => void asked.never++);
  await open(page, "/");
  await page.getByRole("link", { name: once.title }).click();
  await expect(page.locator("h1.post-title")).toHaveText(once.title);
  await expect(page.locator(".post-content h2").first()).toBeVisible({ timeout: 30_000 });
  expect(asked.once).toBe(2);
  await page.locator(".site-title").click();
  await page.getByRole("link", { name: never.title }).click();
  await expect(page.locator("h1.post-title")).toHaveText(never.title);
  await expect(page.getByRole("alert")).toContainText("did not answer in time", { timeout: 60_000 });
  expect(asked.never).toBe(2);
  await page.unroute(`**${bodyFile(never)}*.md`);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.locator(".post-content h2").first()).toBeVisible();
});

test("a slow answer that keeps coming is never cut off", async ({ page, context }) => {
  test.setTimeout(120_000);
  const post = POSTS[4];
  // Nothing fetched ahead: the click asks for the post.
  await askToSaveData(page);
  await open(page, "/");
  const asked = [];
  page.on("request", (request) => request.url().includes(bodyFile(post)) && asked.push(request.url()));
  // About 700 bytes a second: the post's files take longer than the
  // silence after which a request is given up, but never go silent.
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: 700, uploadThroughput: 100_000 });
  const started = Date.now();
  await page.getByRole("link", { name: post.title }).click();
  await expect(page.locator(".post-content h2").first()).toBeVisible({ timeout: 90_000 });
  expect(Date.now() - started, "longer than one silence").toBeGreaterThan(10_000);
  expect(new Set(asked).size, "each file asked for once").toBe(asked.length);
});

test("hostile Markdown is shown, never run", async ({ page }) => {
  const dialogs = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const post = POSTS[5];
  const hostile = [
    "## Hostile",
    "<script>alert('script')</script>",
    "",
    "<img src=x onerror=\"alert('img')\">",
    "",
    "[click me](javascript:alert('link')) ![pic](data:image/svg+xml,<svg onload=alert('svg')>)",
    "",
    "<iframe src=\"javascript:alert('frame')\"></iframe>",
  ].join("\n");
  await page.route(`**${bodyFile(post)}*`, (route) => route.fulfill({ status: 200, body: hostile }));
  await open(page, "/archives/");
  await page.getByRole("link", { name: post.title }).click();
  const body = page.locator(".post-content");
  await expect(body.locator("h2")).toHaveId("hostile");
  await expect(body.locator("h2")).toContainText("Hostile");
  await expect(body).toContainText("<script>alert('script')</script>");
  await body.getByText("click me").click();
  await page.waitForTimeout(300);
  expect(await body.locator("script, iframe, img, a[href^='javascript']").count()).toBe(0);
  expect(dialogs).toEqual([]);
});
