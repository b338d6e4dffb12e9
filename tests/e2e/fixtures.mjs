// What the tests know about the sample blog, and helpers they share.
import { expect } from "@playwright/test";

/** The sample blog's posts, newest first, as content/ has them. */
export const POSTS = [
  { slug: "cap-theorem-explained", title: "CAP Theorem Explained: Consistency vs Availability in Distributed Systems", date: "2026-03-09", shown: "March 9, 2026" },
  { slug: "stripe-checkout-webhooks-polling", title: "Integrating Stripe Payment with Checkout Flow (Webhooks + Polling)", date: "2026-03-03", shown: "March 3, 2026" },
  { slug: "wordpress-to-hugo-decap-cloudflare", title: "How to Migrate WordPress to Hugo with Decap CMS and Cloudflare Pages (Free Hosting)", date: "2026-02-08", shown: "February 8, 2026" },
  { slug: "s3-signed-url-cors", title: "Resolving CORS Errors When Fetching Images from AWS S3 with Signed URLs", date: "2025-06-29", shown: "June 29, 2025" },
  { slug: "ddia-chapter-1-lessons", title: "Building Robust Systems: Key Lessons from Designing Data-Intensive Applications Chapter 1", date: "2025-05-04", shown: "May 4, 2025" },
  { slug: "webrtc-signaling", title: "WebRTC Signaling & Connection Establishment", date: "2025-02-07", shown: "February 7, 2025" },
  { slug: "webrtc-fundamentals", title: "WebRTC Fundamentals", date: "2025-02-07", shown: "February 7, 2025" },
  { slug: "arm64-docker-buildx-qemu", title: "Building ARM64 Docker Images on x86_64 Machines Using QEMU and Docker Buildx", date: "2024-05-11", shown: "May 11, 2024" },
  { slug: "google-dataflow-pipelines", title: "Streamlining Data Processing with Google Dataflow", date: "2024-03-31", shown: "March 31, 2024" },
  { slug: "firestore-nosql", title: "Firestore: A NoSQL Database for Modern Applications", date: "2024-03-23", shown: "March 23, 2024" },
];

export const SITE_TITLE = "Quire Notes";

/** The path the site is served under: `/`, or `/blog/` in the sub-path run. */
export const BASE = process.env.QUIRE_E2E_BASE ?? "/";

/** The URL path of a route written from the site root: `at("/tags/")` is `/blog/tags/` under `/blog/`. */
export function at(path) {
  return BASE + path.replace(/^\//, "");
}
export const PER_PAGE = 5;

/** Marks the window so a test can prove that no full page load happened since. */
export async function markWindow(page) {
  await page.evaluate(() => {
    window.__quireMarker = "still here";
  });
}

/** Fails unless the window marked by `markWindow` is still the same document. */
export async function expectNoReload(page) {
  expect(await page.evaluate(() => window.__quireMarker)).toBe("still here");
}

/**
 * Opens a route and waits until the app runs and has the manifest, so
 * clicks go to the app, and the page shows its main heading.
 */
export async function open(page, path) {
  await page.goto(at(path));
  await appReady(page);
}

/** Waits until the app runs on the page loaded last (after a reload or a redirect). */
export async function appReady(page) {
  await expect(page.locator("html")).toHaveAttribute("data-quire", "ready");
  await expect(page.locator("main h1")).toBeVisible();
}
