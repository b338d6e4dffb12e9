// The hostile corpus (tests/fixtures/hostile-blog: over a hundred script
// payloads in a post's body and in every front-matter field) built into a
// site of its own and used as a reader would: every element pointed at,
// focused and clicked, on the pre-rendered pages and on the pages the app
// draws, under the Content-Security-Policy the site is published with.
// Nothing may run, and the document may hold nothing that could.
import { expect } from "@playwright/test";
import { appReady, auditDocument, serveBlog, test } from "./fixtures.mjs";

test.describe.configure({ mode: "serial" });

let site;
test.beforeAll(async () => {
  site = await serveBlog("tests/fixtures/hostile-blog", "hostile");
});
test.afterAll(async () => site?.stop());

/** Dialogs opened and document titles a payload set, on this page. */
function watch(page) {
  const ran = [];
  page.on("dialog", async (dialog) => {
    ran.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  return ran;
}

/**
 * Points at, focuses and clicks every element of the page's content. Links
 * to addresses are not followed while it does (the audit checks where they
 * lead); a link that would run script is clicked like anything else.
 */
async function pokeEverything(page) {
  await page.evaluate(() => {
    window.__stayHere = (event) => {
      const link = event.target.closest?.("a[href]");
      if (link && /^(https?|mailto|tel):$/.test(link.protocol)) event.preventDefault();
    };
    document.addEventListener("click", window.__stayHere, true);
  });
  // The real pointer over every element, a screenful at a time. The moves
  // go straight to the browser: as Playwright actions, each would also take
  // a snapshot for the trace, and a few thousand of those outlast the test's
  // time on a loaded machine.
  const browserInput = await page.context().newCDPSession(page);
  const height = await page.evaluate(() => window.innerHeight);
  const full = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let top = 0; top < full; top += height) {
    await page.evaluate((y) => window.scrollTo({ top: y, behavior: "instant" }), top);
    const points = await page.evaluate(() =>
      [...document.querySelectorAll("main *, .site-header *, .site-footer *")]
        .map((element) => element.getBoundingClientRect())
        .filter((box) => box.width > 0 && box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight)
        .map((box) => [box.x + box.width / 2, box.y + box.height / 2]),
    );
    // One point per square of the screen: the synthetic events below reach
    // every element; the real pointer crosses each region once.
    const seen = new Set();
    for (const [x, y] of points) {
      const square = `${Math.round(x / 48)},${Math.round(y / 48)}`;
      if (seen.has(square)) continue;
      seen.add(square);
      await browserInput.send("Input.dispatchMouseEvent", { type: "mouseMoved", x, y });
    }
  }
  await browserInput.detach();
  // Then every element focused and clicked, and the events a pointer sends.
  await page.evaluate(() => {
    for (const element of document.querySelectorAll("main *, .site-header *, .site-footer *")) {
      if (element.closest(".theme-toggle")) continue;
      element.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
      element.dispatchEvent(new MouseEvent("mouseenter"));
      if (typeof element.focus === "function") element.focus();
      if (typeof element.click === "function") element.click();
    }
  });
  // Let anything that was scheduled (a timer, an image's error) have its turn.
  await page.waitForTimeout(300);
  await page.evaluate(() => document.removeEventListener("click", window.__stayHere, true));
}

async function expectNothingRan(page, ran, what) {
  expect(ran, `${what}: script ran`).toEqual([]);
  expect(await page.title(), `${what}: a payload set the title`).toMatch(/^(Hostile|Page not found|Tags|Categories|Series|Posts|Archives|Search|#)/);
  expect(await page.evaluate(auditDocument), `${what}: the document holds what could run`).toEqual([]);
}

test("the hostile post as pre-rendered: pointing, focusing and clicking runs nothing", async ({ page }) => {
  test.setTimeout(120_000);
  const ran = watch(page);
  await page.goto(site.url("/posts/hostile/"));
  await appReady(page);
  await expect(page.locator("#quire-static .post-content h2").first()).toBeVisible();
  await pokeEverything(page);
  await expectNothingRan(page, ran, "pre-rendered post");
});

test("the hostile post as the app draws it: pointing, focusing and clicking runs nothing", async ({ page }) => {
  test.setTimeout(120_000);
  const ran = watch(page);
  await page.goto(site.url("/archives/"));
  await appReady(page);
  await page.locator("main .archive-month a").first().click();
  await expect(page.locator("#quire-static")).toHaveCount(0);
  await expect(page.locator("#quire-app .post-content h2").first()).toBeVisible();
  await pokeEverything(page);
  await expectNothingRan(page, ran, "app-drawn post");
});

test("every other page of the hostile blog, pre-rendered and drawn by the app, runs nothing", async ({ page }) => {
  test.setTimeout(120_000);
  const ran = watch(page);
  const paths = ["/", "/tags/", "/categories/", "/series/", "/posts/", "/archives/", "/search/", "/no-such-page/"];
  for (const path of paths) {
    await page.goto(site.url(path));
    await appReady(page);
    if (path === "/search/") await page.getByRole("searchbox").fill("alert script");
    await expectNothingRan(page, ran, `${path} as loaded`);
  }
  // The tag pages, reached through the app from the tag index.
  await page.goto(site.url("/tags/"));
  await appReady(page);
  const tags = await page.locator("main .tag-cloud a").count();
  expect(tags).toBeGreaterThan(3);
  for (let at = 0; at < tags; at += 1) {
    await page.locator("main .tag-cloud a").nth(at).click();
    await expect(page.locator("main h1")).toContainText("#");
    await pokeEverything(page);
    await expectNothingRan(page, ran, `tag ${at} drawn by the app`);
    await page.goBack();
    await expect(page.locator("main .tag-cloud")).toBeVisible();
  }
});
