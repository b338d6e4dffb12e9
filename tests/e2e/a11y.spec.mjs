// axe-core on every route, in both themes, both as the build pre-rendered
// it and as the app draws it: no violations.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { expect } from "@playwright/test";
import { POSTS, at, open, test } from "./fixtures.mjs";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const ROUTES = ["/", "/page/2/", `/posts/${POSTS[0].slug}/`, `/posts/${POSTS[5].slug}/`, "/tags/", "/tags/webrtc/", "/archives/", "/search/", "/no-such-page/"];

async function violations(page) {
  // Evaluated by the test driver, as the Content-Security-Policy allows no
  // script tag of the test's own.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

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
