// A reader's walk through a blog, timed in headless Chromium: the helpers
// scripts/compare-papermod.mjs (Quire against Hugo + PaperMod) and
// scripts/bench-walk.mjs (Quire at 30 to 10,000 posts) share. Nothing here
// is a test.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

/** Chromium's slow 4G, with the CPU four times slower. */
export const SLOW_4G = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8, cpu: 4 };
/** How long a reader looks at a link they scrolled to before tapping it, or points at it before clicking. */
export const READER_PAUSE_MS = 250;
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/**
 * Puts Trunk's output from `dist` (the shell and the app, without the
 * sample blog's pages) into `out`, emptied first, for `quire build` to add
 * a blog to.
 */
export function placeApp(dist, out) {
  if (!existsSync(join(dist, "index.html"))) throw new Error("no dist/index.html: run `trunk build --release --offline` first");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const name of readdirSync(dist)) {
    if (/^(index\.html|.*\.(wasm|js|css|svg))$/.test(name)) cpSync(join(dist, name), join(out, name));
  }
}

export const median = (values) => {
  const sorted = values.filter((value) => value != null).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
};

/** A fresh profile with a phone's screen, the given throttling, and a count of requests in flight and bytes received. */
export async function freshPage(browser, throttle) {
  // Service workers blocked: requests a worker makes escape the page's
  // throttling and the byte count (Quire's keeps files for repeat visits).
  const context = await browser.newContext({ ...PHONE, serviceWorkers: "block" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const traffic = { inFlight: 0, bytes: 0, lastChange: Date.now() };
  cdp.on("Network.requestWillBeSent", () => Object.assign(traffic, { inFlight: traffic.inFlight + 1, lastChange: Date.now() }));
  const done = (event) => Object.assign(traffic, { inFlight: Math.max(0, traffic.inFlight - 1), bytes: traffic.bytes + (event.encodedDataLength ?? 0), lastChange: Date.now() });
  cdp.on("Network.loadingFinished", done);
  cdp.on("Network.loadingFailed", done);
  if (throttle) {
    await cdp.send("Network.emulateNetworkConditions", { offline: false, ...throttle });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle.cpu });
  }
  await page.addInitScript(watchPaints);
  return { context, page, traffic };
}

/** Waits until no request has been in flight for `quietMs`. */
export async function networkQuiet({ traffic }, quietMs = 700) {
  for (;;) {
    if (traffic.inFlight === 0 && Date.now() - traffic.lastChange >= quietMs) return;
    await new Promise((wait) => setTimeout(wait, 50));
  }
}

/**
 * Put into every document: records the time it is put back by the
 * back-forward cache, and keeps this document's largest contentful paint
 * and layout shift. (The time of a tap is the one the script gives the
 * browser with it: nothing of the script's runs in the page between the
 * tap and the new page.)
 */
function watchPaints() {
  // Put back by the back-forward cache: the frame after `pageshow` is painted.
  addEventListener("pageshow", (event) => {
    if (event.persisted) requestAnimationFrame(() => setTimeout(() => sessionStorage.setItem("restoredAt", String(performance.timeOrigin + performance.now()))));
  });
  // When a Quire app has started: the document is marked once it has its data.
  window.__appReadyAt = null;
  new MutationObserver(() => {
    if (window.__appReadyAt == null && document.documentElement?.dataset.quire === "ready") window.__appReadyAt = performance.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-quire"] });
  window.__lcp = 0;
  window.__cls = 0;
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => (window.__lcp = entry.startTime))).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => (window.__cls += entry.hadRecentInput ? 0 : entry.value))).observe({ type: "layout-shift", buffered: true });
  // The frame at whose end `shown()` first holds, as epoch ms once it is painted (a task after the frame).
  window.__paintedWhen = (shown) =>
    new Promise((painted) => {
      const check = () => {
        if (shown()) {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => painted(performance.timeOrigin + performance.now());
          channel.port2.postMessage(0);
        } else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
}

/** The epoch ms of this document's first contentful paint. */
export async function firstContentfulPaint(page) {
  return page.evaluate(
    () =>
      new Promise((done) => {
        const read = () => {
          const entry = performance.getEntriesByName("first-contentful-paint")[0];
          if (entry) done(performance.timeOrigin + entry.startTime);
          else setTimeout(read, 20);
        };
        read();
      }),
  );
}

/**
 * Taps the link `selector` and returns the ms from the tap to the frame
 * showing the page whose heading matches `heading`: a new document's first
 * contentful paint, or, if the app routed in the same document, the frame
 * showing it.
 */
export async function tapTo(page, selector, heading, { hoverMs = 0 } = {}) {
  const link = page.locator(selector).first();
  // A reader sees a link before tapping it: scrolled to, then a moment's pause.
  await link.scrollIntoViewIfNeeded();
  await page.waitForTimeout(READER_PAUSE_MS);
  const href = await link.evaluate((a) => a.href);
  await page.evaluate(() => {
    window.__sameDocument = true;
    window.__painted = null;
  });
  // Armed before the tap: resolves when the app shows the new page in this document.
  await page.evaluate((heading) => {
    window.__painted = window.__paintedWhen(() => {
      const h1 = document.querySelector("main h1, h1");
      return h1 && h1.textContent.toLowerCase().includes(heading.toLowerCase()) && !document.querySelector("#quire-static");
    });
  }, heading);
  const box = await link.boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  const input = await page.context().newCDPSession(page);
  // The browser stamps each event with the time given here, as a device
  // stamps a touch. Here and in the page, times are the machine's wall
  // clock in ms (`timeOrigin` plus `now()`): the event's `timeStamp` in the
  // page reads back the time given, to 0.1 ms.
  const now = () => performance.timeOrigin + performance.now();
  let tapAt;
  try {
    if (hoverMs) {
      await input.send("Input.dispatchMouseEvent", { type: "mouseMoved", x, y, timestamp: now() / 1000 });
      await page.waitForTimeout(hoverMs);
      tapAt = now();
      const press = { x, y, button: "left", clickCount: 1 };
      await input.send("Input.dispatchMouseEvent", { type: "mousePressed", ...press, timestamp: tapAt / 1000 });
      await input.send("Input.dispatchMouseEvent", { type: "mouseReleased", ...press, timestamp: now() / 1000 });
    } else {
      tapAt = now();
      await input.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y }], timestamp: tapAt / 1000 });
      await input.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [], timestamp: now() / 1000 });
    }
  } finally {
    await input.detach().catch(() => {});
  }
  await page.waitForURL(href, { waitUntil: "commit", timeout: 10000 }).catch(async (error) => {
    throw new Error(`tapping ${selector} on ${page.url()} did not lead to ${href}: ${error.message}`);
  });
  const sameDocument = await page.evaluate(() => window.__sameDocument === true).catch(() => false);
  const paintedAt = sameDocument ? await page.evaluate(() => window.__painted) : await firstContentfulPaint(page);
  return paintedAt - tapAt;
}

/** Goes back and returns the ms until the previous page is painted again, and how it came back. */
export async function backTo(page, heading) {
  const url = page.url();
  const startedAt = await page.evaluate((heading) => {
    window.__sameDocument = true;
    window.__painted = window.__paintedWhen(() => document.querySelector("h1")?.textContent.toLowerCase().includes(heading.toLowerCase()));
    sessionStorage.removeItem("restoredAt");
    const at = performance.timeOrigin + performance.now();
    history.back();
    return at;
  }, heading);
  await page.waitForURL((now) => now.href !== url, { waitUntil: "commit" });
  for (;;) {
    const state = await page
      .evaluate(() => ({ restoredAt: Number(sessionStorage.getItem("restoredAt")), sameDocument: window.__sameDocument === true, loaded: !!performance.getEntriesByName("first-contentful-paint")[0] }))
      .catch(() => ({}));
    if (state.restoredAt) return { ms: state.restoredAt - startedAt, how: "back-forward cache" };
    if (state.sameDocument && !state.restoredAt) {
      const painted = await page.evaluate(() => Promise.race([window.__painted, new Promise((later) => setTimeout(later, 100, null))]));
      if (painted) return { ms: painted - startedAt, how: "the app, same document" };
    } else if (state.loaded) {
      return { ms: (await firstContentfulPaint(page)) - startedAt, how: "loaded again" };
    }
    await page.waitForTimeout(20);
  }
}

