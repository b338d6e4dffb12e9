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
// The cache is named after the app's release: a new app empties it.
// `offline = false` in quire.toml writes a worker that removes itself.
const CACHE = "__CACHE__";
const ROOT = "__ROOT__";

/** Whether `url` names a file after its content's hash: data/, or Trunk's files at the root. */
function hashed(url) {
  const path = url.pathname.slice(ROOT.length);
  return path.startsWith("data/") || /^[^/]+-[0-9a-f]{16}(_bg)?\.[a-z]+$/.test(path);
}

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith("quire-") && name !== CACHE).map((name) => caches.delete(name))))
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
  event.respondWith(hashed(url) ? fromCacheFirst(request) : fromNetworkFirst(request));
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

/** Keeps a copy of a whole, successful answer. */
function keep(request, response) {
  if (response.status === 200 && response.type === "basic") {
    const copy = response.clone();
    caches.open(CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}

async function fromCacheFirst(request) {
  const cached = await caches.match(request);
  return cached || fetch(request).then((response) => keep(request, response));
}

async function fromNetworkFirst(request) {
  try {
    return keep(request, await fetch(request));
  } catch (offline) {
    const cached = await caches.match(request, { ignoreSearch: request.mode === "navigate" });
    if (cached) return cached;
    if (request.mode === "navigate") {
      const page = (await caches.match(ROOT)) || (await anyPage());
      if (page) return page;
    }
    throw offline;
  }
}

/** Any page of the site the cache holds. */
async function anyPage() {
  const cache = await caches.open(CACHE);
  const page = (await cache.keys()).find((request) => /\/$|\.html$/.test(new URL(request.url).pathname));
  return page && cache.match(page);
}
