// A Hugo + PaperMod site folder as it is (tests/fixtures/hugo-blog), read
// as a reader would: the posts at Hugo's addresses, PaperMod's home
// introduction, menu, archive and search, a section's list, categories and
// a series, a bundle's figure, an old address, a video that loads only
// when the reader asks for it, an author's image and sound that load only
// once their post is opened, and TeX math drawn as MathML.
import { expect } from "@playwright/test";
import { appReady, at, axeViolations, expectNoReload, idleTwice, markWindow, serveBlog, test, watchDrawnOutOfSight } from "./fixtures.mjs";

test.describe.configure({ mode: "serial" });

let site;
test.beforeAll(async () => {
  site = await serveBlog("tests/fixtures/hugo-blog", "hugo");
});
test.afterAll(async () => site?.stop());

const FIRST = "/2024/03/first-light-developing-a-roll-at-home/";
const SECOND = "/2024/04/the-second-roll/";

test("the home page opens with PaperMod's introduction and lists the posts section three at a time", async ({ page }) => {
  await page.goto(site.url("/"));
  await appReady(page);
  await expect(page.locator("main .home-info h1")).toHaveText("Hi, I develop film");
  await expect(page.locator("main .post-card")).toHaveCount(3);
  await expect(page.locator("main .post-card").first()).toContainText("The Second Roll");
  // ShowWordCount and ShowReadingTime from the site's params.
  await expect(page.locator("main .post-card .word-count").first()).toContainText("words");
  await expect(page.getByRole("navigation", { name: "Site" })).toContainText("Notes");
  await page.screenshot({ path: "target/e2e-results/hugo-home.png", fullPage: true });
  await markWindow(page);
  await page.getByRole("link", { name: "Older posts" }).click();
  await expect(page).toHaveURL(site.url("/page/2/"));
  await expect(page.locator("main .post-card")).toHaveCount(3);
  await expect(page.locator("main .post-card").last()).toContainText("An Old Camera");
  await expectNoReload(page);
});

test("a post at its Hugo address shows its bundle's figure, its series and a closed table of contents", async ({ page }) => {
  await page.goto(site.url(FIRST));
  await appReady(page);
  await expect(page.locator("h1.post-title")).toHaveText("First Light: Developing a Roll at Home");
  const figure = page.locator(".post-content figure img");
  await expect(figure).toHaveAttribute("src", at(`${FIRST}tank.png`));
  await expect.poll(() => figure.evaluate((image) => image.complete && image.naturalWidth)).toBe(320);
  await expect(page.locator(".post-content figcaption")).toHaveText("A steel tank: the one part worth buying new.");
  // TocOpen: false.
  await expect(page.locator("details.toc")).not.toHaveAttribute("open");
  await expect(page.locator(".series summary")).toContainText("Part 1 of 2 in Home Darkroom");
  await page.screenshot({ path: "target/e2e-results/hugo-post.png", fullPage: true });

  // The second part, through the app: the link `ref` wrote.
  await markWindow(page);
  await page.locator(".post-content").getByRole("link", { name: "the second roll" }).click();
  await expect(page).toHaveURL(site.url(SECOND));
  await expect(page.locator("h1.post-title")).toHaveText("The Second Roll");
  await expect(page.locator(".post-content details summary")).toHaveText("Times I used");
  await expectNoReload(page);
});

// Found on lvbibir's blog: a link to a heading below an image without a
// size scrolled smoothly to where the heading was before the image came,
// and stopped with the heading at the bottom of the screen.
test("a link to a heading below an image that comes late lands on the heading", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  await page.route("**/tank.png", async (route) => {
    await new Promise((done) => setTimeout(done, 600));
    await route.continue();
  });
  await page.goto(site.url(`${FIRST}#the-chemistry`));
  await appReady(page);
  await expect(page.locator(".post-content figure img")).toHaveJSProperty("complete", true);
  await idleTwice(page);
  const top = Math.round((await page.locator("#the-chemistry").boundingBox()).y);
  expect(top).toBeGreaterThanOrEqual(0);
  expect(top).toBeLessThan(120);
});

test("a video is a link until the reader plays it; the author's script never runs", async ({ page }) => {
  const dialogs = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const asked = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(site.url("/").replace(/\/[^/]*$/, ""))) asked.push(request.url());
  });
  // Nothing reaches the video's site while the page is only read.
  await page.route(/youtube/, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<p>player</p>" }));
  await page.goto(site.url(SECOND));
  await appReady(page);
  const video = page.locator(".post-content a[data-embed]");
  await expect(video).toBeVisible();
  await expect(page.locator(".post-content iframe")).toHaveCount(0);
  expect(asked.filter((url) => /youtube/.test(url))).toEqual([]);
  await page.screenshot({ path: "target/e2e-results/hugo-video-link.png" });
  await video.click();
  const player = page.locator(".post-content iframe.video-player");
  await expect(player).toHaveAttribute("src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1");
  await expect(player).toBeFocused();
  await expect.poll(() => asked.some((url) => url.startsWith("https://www.youtube-nocookie.com/embed/"))).toBe(true);
  // The paragraph's handler was removed and the script left out.
  await page.locator(".post-content p", { hasText: "A paragraph with a handler" }).click();
  expect(dialogs).toEqual([]);
  await expect(page.locator(".post-content")).not.toContainText("alert(");
  await expect(page.locator(".post-content")).toContainText("Stop bath smells of vinegar");
});

// A post fetched ahead of a click had its text parsed in the page, and its
// images and sounds started loading for a reader who may never open it.
test("an author's image and sound in a post prepared ahead load only when the reader opens the post", async ({ page }) => {
  const media = [];
  page.on("request", (request) => /test-strip\.png|timer-beep\.wav/.test(request.url()) && media.push(new URL(request.url()).pathname));
  const drawnOutOfSight = await watchDrawnOutOfSight(page);
  await page.goto(site.url("/"));
  await appReady(page);
  const card = page.locator("main .post-card", { hasText: "The Second Roll" }).getByRole("link").first();
  await card.hover();
  await expect.poll(() => drawnOutOfSight("text")).toContainEqual(expect.stringContaining("Pushing a roll by one stop"));
  await idleTwice(page);
  await page.waitForTimeout(300);
  expect(media).toEqual([]);
  await card.click();
  await expect(page).toHaveURL(site.url(SECOND));
  const strip = page.locator(".post-content img[alt^='A test strip']");
  await expect.poll(() => strip.evaluate((image) => image.complete && image.naturalWidth)).toBe(320);
  // Both players find their sound: the one with `src`, and the one whose
  // `<source>`, held in the page's document, the player had already looked for.
  const players = page.locator(".post-content audio");
  await expect(players).toHaveCount(2);
  for (const player of await players.all()) {
    await expect.poll(() => player.evaluate((audio) => [audio.currentSrc, audio.readyState >= 1])).toEqual([site.url("/files/timer-beep.wav"), true]);
  }
  await expect.poll(() => media).toContain(at("/images/test-strip.png"));
});

test("the menu leads to a section's list, the archive and search, as PaperMod's pages did", async ({ page }) => {
  await page.goto(site.url("/"));
  await appReady(page);
  await markWindow(page);
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Notes", exact: true }).click();
  await expect(page).toHaveURL(site.url("/notes/"));
  await expect(page.locator("main h1")).toHaveText("Notes");
  await expect(page.locator("main .list-description")).toHaveText("Short notes that are not posts.");
  await expect(page.locator("main .post-card")).toHaveCount(1);
  await page.locator("main .post-card a").first().click();
  await expect(page).toHaveURL(site.url("/notes/fixer-capacity/"));
  await expect(page.locator("h1.post-title")).toHaveText("Fixer Capacity");

  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Archives", exact: true }).click();
  await expect(page).toHaveURL(site.url("/archives/"));
  await expect(page.locator("main .archive-year")).toHaveCount(4);

  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(site.url("/search/"));
  await page.getByRole("searchbox").fill("developer");
  await expect(page.locator("#search-results a").first()).toBeVisible();
  await expectNoReload(page);
});

test("a link to a whole HTML document from the content folder opens the document, not the app's not-found page", async ({ page }) => {
  await page.goto(site.url("/notes/"));
  await appReady(page);
  await page.locator("main .post-card a").first().click();
  await expect(page.locator("h1.post-title")).toHaveText("Fixer Capacity");
  // The app has no page there; the server has the document, as under Hugo.
  await page.getByRole("link", { name: "darkroom timer" }).click();
  await expect(page).toHaveURL(site.url("/notes/darkroom-timer.html"));
  await expect(page.locator("h1")).toHaveText("Darkroom timer");
  await expect(page.locator("#quire-app")).toHaveCount(0);
  await page.goBack();
  await expect(page.locator("h1.post-title")).toHaveText("Fixer Capacity");
  // So does a file from the site's static folder, at its own address.
  await appReady(page);
  await page.getByRole("link", { name: "fixer log" }).click();
  await expect(page).toHaveURL(site.url("/files/fixer-log.txt"));
  await expect(page.locator("body")).toContainText("Fixer capacity, by film format");
  await page.goBack();
  await expect(page.locator("h1.post-title")).toHaveText("Fixer Capacity");
  // An address with nothing there still shows the app's not-found page.
  await appReady(page);
  await followALinkToNothing(page);
});

/** Follows a link to an address with nothing there: the app says so, without loading a page. */
async function followALinkToNothing(page) {
  await markWindow(page);
  await page.evaluate((href) => {
    const link = Object.assign(document.createElement("a"), { href, textContent: "gone" });
    document.querySelector("main").append(link);
  }, at("/notes/no-such-note/"));
  await page.getByRole("link", { name: "gone" }).click();
  await expect(page.locator("main h1")).toHaveText("Page not found");
  await expectNoReload(page);
}

test("on a single-page-app host, which answers every address with the home page, a link to nothing shows not-found in the app", async ({ page }) => {
  const spa = await serveBlog("tests/fixtures/hugo-blog", "hugo-spa", "spa");
  try {
    await page.goto(spa.url("/notes/fixer-capacity/"));
    await appReady(page);
    await followALinkToNothing(page);
    await page.goBack();
    await page.getByRole("link", { name: "darkroom timer" }).click();
    await expect(page.locator("h1")).toHaveText("Darkroom timer");
  } finally {
    await spa.stop();
  }
});

test("TeX math shows as MathML, on the page as served and as the app draws it", async ({ page }) => {
  const NOTE = "/notes/fixer-capacity/";
  const served = await (await page.request.get(site.url(NOTE))).text();
  expect(served.match(/<math\b/g)).toHaveLength(7);
  await page.goto(site.url("/notes/"));
  await appReady(page);
  await markWindow(page);
  await page.locator("main .post-card a").first().click();
  await expect(page).toHaveURL(site.url(NOTE));
  const content = page.locator(".post-content");
  await expect(content.locator(".math > math")).toHaveCount(7);
  await expect(content.locator(".math-display > math[display=block]")).toHaveCount(3);
  // Laid out as math: a fraction's numerator stands over its denominator.
  const fraction = content.locator(".math-display mfrac").first();
  const over = await fraction.locator("> :first-child").boundingBox();
  const under = await fraction.locator("> :last-child").boundingBox();
  expect(over.y + over.height).toBeLessThanOrEqual(under.y + 1);
  await expect(content.locator("[style]")).toHaveCount(0);
  await expect(content.locator(".math-tex")).toHaveText("$\\frac{1}$");
  await expect(content).toContainText("the kit cost $12 and a refill $8");
  await expectNoReload(page);
  await content.screenshot({ path: "target/e2e-results/hugo-math.png" });
  await page.emulateMedia({ colorScheme: "dark" });
  await content.screenshot({ path: "target/e2e-results/hugo-math-dark.png" });
});

test("categories and series have their pages, and old addresses lead on", async ({ page }) => {
  await page.goto(site.url("/categories/"));
  await appReady(page);
  await expect(page.locator("main h1")).toHaveText("Categories");
  await page.locator("main .tag-cloud a", { hasText: "Darkroom" }).click();
  await expect(page).toHaveURL(site.url("/categories/darkroom/"));
  await expect(page.locator("main .post-card")).toHaveCount(2);
  await page.screenshot({ path: "target/e2e-results/hugo-category.png" });

  await page.goto(site.url("/series/home-darkroom/"));
  await appReady(page);
  await expect(page.locator("main .post-card")).toHaveCount(2);

  // The TOML post's alias, from before it had a slug.
  await page.goto(site.url("/2019/old-camera/"));
  await expect(page).toHaveURL(site.url("/2019/09/rangefinder/"));
  await appReady(page);
  await expect(page.locator("h1.post-title")).toHaveText("An Old Camera");
  // A page whose name has a dot, linked without its last slash: the
  // server sends the address on to the page's folder, and the app there.
  await page.evaluate((href) => {
    const link = Object.assign(document.createElement("a"), { href, textContent: "stand development" });
    document.querySelector("main").append(link);
  }, at("/notes/rodinal-1.50"));
  await page.getByRole("link", { name: "stand development" }).click();
  await expect(page).toHaveURL(site.url("/notes/rodinal-1.50/"));
  await expect(page.locator("h1.post-title")).toHaveText("Rodinal at 1+50");
});

test("axe finds nothing on the Hugo site's own kinds of page, in both themes", async ({ page }) => {
  test.setTimeout(90_000);
  const paths = ["/", FIRST, SECOND, "/2023/11/windows-line-endings/", "/notes/", "/notes/fixer-capacity/", "/about/", "/categories/darkroom/", "/series/"];
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of paths) {
      await page.goto(site.url(path));
      await appReady(page);
      expect(await axeViolations(page), `${path}, ${scheme}`).toEqual([]);
    }
  }
});
