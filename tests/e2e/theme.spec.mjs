// Light and dark themes: the system's by default, the reader's pick once made.
import { expect } from "@playwright/test";
import { at, open, test } from "./fixtures.mjs";

const pageColour = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const isDark = (rgb) => rgb.match(/\d+/g).slice(0, 3).reduce((sum, c) => sum + Number(c), 0) < 200;

test("the theme follows the system until the reader picks one, and the pick survives a reload", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await open(page, "/");
  expect(isDark(await pageColour(page))).toBe(false);
  const toggle = page.getByRole("button", { name: "Switch to dark theme" });
  await toggle.click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(isDark(await pageColour(page))).toBe(true);
  await expect(page.getByRole("button", { name: "Switch to light theme" })).toBeVisible();

  // The saved theme is applied by the inline script, before the app (or any paint).
  await page.reload({ waitUntil: "domcontentloaded" });
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.locator("main h1").first()).toBeVisible();
  expect(isDark(await pageColour(page))).toBe(true);
});

test("a dark system gets the dark theme with nothing saved", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await open(page, "/archives/");
  expect(isDark(await pageColour(page))).toBe(true);
  await page.getByRole("button", { name: "Switch to light theme" }).click();
  expect(isDark(await pageColour(page))).toBe(false);
});
