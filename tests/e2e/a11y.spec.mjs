// axe-core on every route, in both themes, both as the build pre-rendered
// it and as the app draws it: no violations.
import { expect } from "@playwright/test";
import { POSTS, at, axeViolations as violations, open, test } from "./fixtures.mjs";

const ROUTES = ["/", "/page/2/", `/posts/${POSTS[0].slug}/`, `/posts/${POSTS[5].slug}/`, "/tags/", "/tags/webrtc/", "/archives/", "/archives/2025/", "/search/", "/no-such-page/"];

for (const scheme of ["light", "dark"]) {
  test(`axe finds nothing on any route, ${scheme} theme`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    for (const route of ROUTES) {
      await open(page, route);
      if (route === "/search/") await page.getByRole("searchbox").fill("webrtc");
      await page.waitForLoadState("networkidle");
      expect(await violations(page), `${route} as loaded`).toEqual([]);

      // The app's own drawing of the route: leave through the header, come back.
      if (route !== "/") {
        await page.locator(".site-title").first().click();
        await expect(page.locator("#quire-static")).toHaveCount(0);
        await page.goBack();
        await expect(page).toHaveURL(new RegExp(`${at(route).replace(/[/]/g, "\\/")}`));
        await expect(page.locator("main h1")).toBeVisible();
        await expect(page.locator("main .loading")).toHaveCount(0);
        expect(await violations(page), `${route} drawn by the app`).toEqual([]);
      }
    }
  });
}
