// Quire's service worker, written by `quire build` as `sw.js` at the site
// root (crates/quire-cli/src/service_worker.rs fills in the two constants).
// It keeps what readers fetched, so a repeat visit downloads almost nothing
// and posts already read open with the network off:
// - files whose names carry their content's hash (the app's, and everything
//   under data/: the manifest, post bodies, the search index) never change,
//   so they come from the cache once there;
// - everything else (pages, images, feeds) comes from the network first, so
//   a new release is seen at once, and from the cache only when the network
//   fails. A page never fetched before then gets another page of the site
//   (the home page if kept), over which the app draws the address asked for.
// What the page loaded before the worker ran, it names in a message once the
// app has started; the worker keeps those from the browser's HTTP cache.
// The cache is named after the site's root and the app's release: a new app
// empties it, and another Quire site on the same origin (GitHub Pages'
// project sites) keeps its own. A new release of the blog (a new manifest)
// removes the data files no longer named, so the cache does not grow with
// each release.
// `offline = false` in quire.toml writes a worker that removes itself.
const CACHE = "__CACHE__";
const ROOT = "__ROOT__";

/** This site's caches, of any release. */
const OURS = `quire-${ROOT}-`;

/** Whether `url` names a file after its content's hash: data/, or Trunk's files at the root. */
function hashed(url) {
  const path = url.pathname.slice(ROOT.length);
  return path.startsWith("data/") || /^[^/]+-[0-9a-f]{10,16}(_bg)?\.[a-z]+$/.test(path);
}

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith(OURS) && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

/** Whether the worker looks after `url`: the site's own files. */
function ours(url) {
  return url.origin === location.origin && url.pathname.startsWith(ROOT);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || !ours(url)) return;
  event.respondWith(hashed(url) ? fromCacheFirst(event) : fromNetworkFirst(event));
});

// `{ keep: [url, …] }`: what the page loaded before the worker ran.
self.addEventListener("message", (event) => {
  const urls = Array.isArray(event.data?.keep) ? event.data.keep : [];
  const kept = urls
    .map((href) => new URL(href, location.href))
    .filter(ours)
    .map((url) => {
      url.hash = "";
      const request = new Request(url.href);
      return caches.match(request).then((hit) => hit || fetch(request).then((response) => keep(request, response)));
    });
  event.waitUntil(Promise.allSettled(kept));
});

/** Keeps a copy of a whole, successful answer; resolves once it is kept. */
function keep(request, response) {
  if (response.status !== 200 || response.type !== "basic") return Promise.resolve();
  const copy = response.clone();
  return caches.open(CACHE).then((cache) => cache.put(request, copy));
}

async function fromCacheFirst(event) {
  const cached = await caches.match(event.request);
  if (cached) return cached;
  const response = await fetch(event.request);
  const kept = keep(event.request, response);
  const url = new URL(event.request.url);
  const release = MANIFEST.test(url.pathname) && response.status === 200 ? response.clone() : null;
  event.waitUntil(release ? kept.then(() => forgetOtherReleases(url, release)) : kept);
  return response;
}

/** The manifest's name: one per release of the blog. */
const MANIFEST = /\/data\/manifest\.[0-9a-f]+\.json$/;

/**
 * Once a release's manifest is kept, removes the kept data files it does not
 * name: other releases' manifests, bodies and search pieces. The search
 * index's pieces are named by its meta file, kept only if search was used.
 */
async function forgetOtherReleases(manifestUrl, response) {
  const manifest = await response.json().catch(() => null);
  if (!manifest || !Array.isArray(manifest.posts)) return;
  const named = new Set([manifestUrl.pathname]);
  const name = (path) => typeof path === "string" && named.add(new URL(path, location.origin + ROOT).pathname);
  for (const post of [...manifest.posts, ...(manifest.unlisted ?? []), ...(manifest.pages ?? [])]) {
    name(post.body);
    name(post.prepared);
  }
  let searchPieces = null;
  if (name(manifest.search)) {
    const meta = await caches.match(new URL(manifest.search, location.origin + ROOT).href);
    const version = meta && (await meta.json().catch(() => null))?.h;
    if (typeof version === "string") searchPieces = `${ROOT}data/search/${version}/`;
  }
  const cache = await caches.open(CACHE);
  const gone = (await cache.keys()).filter((request) => {
    const path = new URL(request.url).pathname;
    return path.startsWith(`${ROOT}data/`) && !named.has(path) && !(searchPieces && path.startsWith(searchPieces));
  });
  await Promise.all(gone.map((request) => cache.delete(request)));
}

async function fromNetworkFirst(event) {
  const request = event.request;
  try {
    const response = await fetch(request);
    event.waitUntil(keep(request, response));
    return response;
  } catch (offline) {
    const cached = await caches.match(request, { ignoreSearch: request.mode === "navigate" });
    if (cached) return cached;
    if (request.mode === "navigate") {
      const page = await pageWithTheApp();
      if (page) return page;
    }
    throw offline;
  }
}

/**
 * A kept page the app can start over, for an address never fetched: the
 * home page if kept, else any page that carries the app (not an alias's
 * redirect page). The app then draws the address asked for.
 */
async function pageWithTheApp() {
  const cache = await caches.open(CACHE);
  const home = await cache.match(ROOT);
  if (home) return home;
  for (const request of await cache.keys()) {
    if (!/\/$|\.html$/.test(new URL(request.url).pathname)) continue;
    const page = await cache.match(request);
    const text = await page.clone().text();
    if (text.includes('name="quire-app-js"') && !text.includes('http-equiv="refresh"')) return page;
  }
  return undefined;
}
