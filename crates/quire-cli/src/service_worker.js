// Quire's service worker, written by `quire build` as `sw.js` at the site
// root (crates/quire-cli/src/service_worker.rs fills in its constants).
// It keeps what readers fetched, so a repeat visit downloads almost nothing
// and posts already read open with the network off:
// - files whose names carry their content's hash (the app's, and everything
//   under data/: the site's and each route's data, post bodies, the search
//   index) never change,
//   so they come from the cache once there;
// - everything else (pages, images, feeds) comes from the network first, so
//   a new release is seen at once, and from the cache only when the network
//   fails. A page never fetched before then gets another page of the site
//   (the home page if kept), over which the app draws the address asked for.
// What the page loaded before the worker ran, it names in a message once the
// app has started; the worker keeps those from the browser's HTTP cache.
// The cache is named after the site's root and the app's release: a new app
// empties it, and another Quire site on the same origin (GitHub Pages'
// project sites) keeps its own. A new release of the blog (new site data)
// removes the data files no kept page can use any more, so the cache does
// not grow with each release.
// `offline = false` in quire.toml writes a worker that removes itself.
const CACHE = "__CACHE__";
const ROOT = "__ROOT__";
/** The folder of every release's route data, below the root. */
const ROUTE_DATA = "__ROUTE_DATA__";
/** The `<meta name>` through which a page names its release's site data. */
const SITE_META = "__SITE_META__";

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

/** The site data a page names, if it is one of Quire's pages. */
async function siteDataOf(page) {
  const text = await page?.clone().text().catch(() => "");
  return text?.match(new RegExp(`name="${SITE_META}" content="([^"]+)"`))?.[1];
}

/**
 * Keeps a page (or an image, a feed); a page that comes back from another
 * release than its kept copy's lets the last release's files go.
 */
function keepPage(request, response) {
  if (request.mode !== "navigate") return keep(request, response);
  // Copied now, before the browser reads the answer.
  const copy = response.clone();
  return (async () => {
    const before = await siteDataOf(await caches.match(request));
    await keep(request, copy);
    if (before && before !== (await siteDataOf(copy))) await forgetUnusedData();
  })();
}

async function fromCacheFirst(event) {
  const cached = await caches.match(event.request);
  if (cached) return cached;
  const response = await fetch(event.request);
  const kept = keep(event.request, response);
  const path = new URL(event.request.url).pathname;
  const isSiteData = SITE_DATA.test(path) && response.status === 200;
  event.waitUntil(isSiteData ? kept.then(() => forgetUnusedData(path)) : kept);
  return response;
}

/** The site data's name: one per release of the blog. */
const SITE_DATA = /\/data\/site\.([0-9a-f]+)\.json$/;

/** The post files (bodies, prepared code and math) a route's data names. */
function postFilesIn(value, found) {
  if (Array.isArray(value)) {
    for (const item of value) postFilesIn(item, found);
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if ((key === "body" || key === "prepared") && typeof item === "string") found.push(item);
      else postFilesIn(item, found);
    }
  }
  return found;
}

/**
 * Once a new release's site data is kept (`fetchedSiteData`, its path), or
 * a kept page comes back from a new release, removes the kept data files
 * that no kept page can use any more, so the cache does not grow with every
 * release: a kept page names its release's site data, which names the
 * release's folder of route data and its search index (whose pieces its
 * meta file names), and each kept route's data names its posts' files.
 * Pages kept from an earlier release keep that release's files, so they
 * still open offline.
 */
async function forgetUnusedData(fetchedSiteData) {
  const cache = await caches.open(CACHE);
  const requests = await cache.keys();
  const inUse = new Set();
  const useFile = (path) => {
    if (typeof path !== "string") return null;
    const url = new URL(path, location.origin + ROOT);
    inUse.add(url.pathname);
    return url;
  };
  const releases = new Set();
  for (const request of requests) {
    const path = new URL(request.url).pathname;
    if (path.startsWith(`${ROOT}data/`)) continue;
    if (!path.endsWith("/") && !path.endsWith(".html")) continue;
    const named = await siteDataOf(await cache.match(request));
    if (named) releases.add(named);
  }
  // The site data just fetched is used by the page that asked for it,
  // which may not be kept yet.
  if (fetchedSiteData) releases.add(fetchedSiteData);
  const folders = [];
  for (const name of releases) {
    const url = useFile(name);
    const release = url.pathname.match(SITE_DATA)?.[1];
    if (!release) continue;
    const routes = `${ROOT}${ROUTE_DATA}${release}/`;
    folders.push(routes);
    for (const request of requests) {
      if (!new URL(request.url).pathname.startsWith(routes)) continue;
      const data = await (await cache.match(request))?.json().catch(() => null);
      for (const file of postFilesIn(data, [])) useFile(file);
    }
    const site = await (await cache.match(url.href))?.json().catch(() => null);
    const searchMeta = useFile(site?.search);
    const meta = searchMeta && (await (await cache.match(searchMeta.href))?.json().catch(() => null));
    for (const [kind, names] of [["t", meta?.t], ["d", meta?.d]]) {
      if (Array.isArray(names)) for (const name of names) useFile(`data/search/${kind}${name}.json`);
    }
  }
  const unused = requests.filter((request) => {
    const path = new URL(request.url).pathname;
    return path.startsWith(`${ROOT}data/`) && !inUse.has(path) && !folders.some((folder) => path.startsWith(folder));
  });
  await Promise.all(unused.map((request) => cache.delete(request)));
}

async function fromNetworkFirst(event) {
  const request = event.request;
  try {
    const response = await fetch(request);
    event.waitUntil(keepPage(request, response));
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
