import { chromium } from "playwright-core";
import { CHROMIUM_PATH, CHROMIUM_FLAGS } from "../tests/e2e/chromium.mjs";
import { startServer } from "../tests/e2e/server.mjs";
const sample = await startServer("dist", 0, "/", "github");
const hugo = await startServer("target/e2e-blogs/hugo", 0, "/", "netlify");
const s = `http://127.0.0.1:${sample.address().port}`;
const h = `http://127.0.0.1:${hugo.address().port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
const shot = async (name, url, { width, scheme, act } = {}) => {
  const context = await browser.newContext({ viewport: { width, height: width < 500 ? 844 : 900 }, colorScheme: scheme, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.quire === "ready");
  await page.waitForTimeout(800);
  const state = await page.evaluate(() => ({ takenOver: !!document.querySelector("#quire-app #quire-static"), appVisible: getComputedStyle(document.querySelector("#quire-app")).display !== "none" }));
  if (act) await act(page);
  await page.screenshot({ path: `/tmp/shots/${name}.png` });
  console.log(name, page.url(), JSON.stringify(state));
  await context.close();
};


await shot("post-390-dark-after-tag", `${s}/posts/cap-theorem-explained/`, { width: 390, scheme: "dark", act: async (page) => { await page.locator(".post-tags a").first().click(); await page.waitForSelector("#quire-static", { state: "detached" }); await page.waitForTimeout(300); } });


await shot("hugo-first-light-chem-1280", `${h}/2024/03/first-light-developing-a-roll-at-home/`, { width: 1280, scheme: "light", act: async (page) => { await page.getByRole("link", { name: "the chemistry", exact: true }).click(); await page.waitForTimeout(500); } });
await browser.close(); sample.close(); hugo.close();
