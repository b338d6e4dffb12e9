// The build served as each static host serves it, from the rules files the
// build writes (`_redirects`, `_headers`, `404.html`) and the nginx snippet in
// deploy/: every deep link must answer with its own page.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { expect } from "@playwright/test";
import { BASE, DIST, POSTS, at, test } from "./fixtures.mjs";
import { startServer } from "./server.mjs";

const NGINX = process.env.NGINX ?? "/usr/sbin/nginx";
const SITE_URL = `https://quire.example.org${BASE}`;

/** Every address the sitemap lists, plus later list pages, as paths on this host. */
function deepLinks() {
  const sitemap = readFileSync(join(DIST, "sitemap.xml"), "utf8");
  const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => BASE + m[1].slice(SITE_URL.length));
  expect(listed.length).toBeGreaterThan(POSTS.length);
  return [...listed, at("/page/2/")];
}

/** Starts nginx with deploy/nginx.conf, the site at BASE; returns a stop function. */
async function startNginx(port) {
  expect(existsSync(NGINX), `nginx is missing at ${NGINX}; scripts/setup.sh --test installs it`).toBe(true);
  const prefix = resolve(import.meta.dirname, `../../target/e2e-nginx-${port}`);
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  // The site lives at <root><BASE>, as it would on a real server.
  const root = join(prefix, "root");
  mkdirSync(root);
  if (BASE === "/") symlinkSync(DIST, join(root, "site"));
  else {
    mkdirSync(join(root, "site"));
    symlinkSync(DIST, join(root, "site", BASE.replace(/^\/|\/$/g, "")));
  }
  const snippet = readFileSync(resolve(import.meta.dirname, "../../deploy/nginx.conf"), "utf8").replace(
    "error_page 404 /404.html;",
    `error_page 404 ${BASE}404.html;`,
  );
  writeFileSync(join(prefix, "quire.conf"), snippet);
  writeFileSync(
    join(prefix, "nginx.conf"),
    `user root;
worker_processes 1;
error_log ${prefix}/error.log;
pid ${prefix}/nginx.pid;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${root}/site;
    include ${prefix}/quire.conf;
  }
}
`,
  );
  const nginx = spawn(NGINX, ["-p", prefix, "-c", join(prefix, "nginx.conf"), "-g", "daemon off;"], { stdio: "inherit" });
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const up = await fetch(`http://127.0.0.1:${port}${BASE}`).then(() => true, () => false);
    if (up) return () => nginx.kill();
    await new Promise((done) => setTimeout(done, 100));
  }
  nginx.kill();
  throw new Error(`nginx did not start; see ${prefix}/error.log`);
}

const HOSTS = [
  { name: "GitHub Pages", host: "github", port: 8111, realRedirects: false, headers: false },
  // Netlify serves a file that exists before its redirect rules, so an
  // alias answers with its redirect page; Cloudflare applies the rules first.
  { name: "Netlify", host: "netlify", port: 8112, realRedirects: false, headers: true },
  { name: "Cloudflare Pages", host: "cloudflare", port: 8113, realRedirects: true, headers: true },
  { name: "nginx", host: "nginx", port: 8114, realRedirects: false, headers: true },
];

for (const { name, host, port, realRedirects, headers } of HOSTS) {
  test(`${name}: every deep link answers with its own page`, async () => {
    let stop;
    if (host === "nginx") stop = await startNginx(port);
    else {
      const server = await startServer(DIST, port, BASE, host);
      stop = () => server.close();
    }
    const origin = `http://127.0.0.1:${port}`;
    const get = (path) => fetch(origin + path, { redirect: "manual" });
    try {
      for (const path of deepLinks()) {
        const response = await get(path);
        expect(response.status, path).toBe(200);
        expect(await response.text(), path).toContain(`<div id="quire-static" data-path="${path}">`);
        if (path !== BASE) {
          const bare = await get(path.replace(/\/$/, ""));
          expect([301, 308], `${path} without its slash`).toContain(bare.status);
          expect(new URL(bare.headers.get("location"), origin).pathname).toBe(path);
        }
      }

      const missing = await get(at("/posts/no-such-post/"));
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain("<h1>Page not found</h1>");

      const alias = await get(at("/2026/03/cap-theorem/"));
      const post = at(`/posts/${POSTS[0].slug}/`);
      if (realRedirects) {
        expect(alias.status).toBe(301);
        expect(alias.headers.get("location")).toBe(post);
      } else {
        expect(alias.status).toBe(200);
        expect(await alias.text()).toContain(`<meta http-equiv="refresh" content="0; url=${post}">`);
      }

      if (headers) {
        const page = await get(post);
        expect(page.headers.get("cache-control") ?? "", "pages are never cached for ever").not.toContain("immutable");
        const html = await page.text();
        // The Content-Security-Policy: sent as a header, and the same in the page's <meta>.
        const policy = page.headers.get("content-security-policy") ?? "";
        expect(policy).toContain("object-src 'none'");
        expect(policy).toContain("frame-ancestors 'self'");
        const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)[1].replaceAll("&#39;", "'");
        expect(`${meta}; frame-ancestors 'self'`).toBe(policy);
        const siteDataUrl = html.match(/<meta name="quire-site" content="([^"]+)">/)[1];
        const siteData = await get(BASE + siteDataUrl);
        expect(siteData.status).toBe(200);
        expect(siteData.headers.get("cache-control")).toContain("immutable");
        const wasm = readFileSync(join(DIST, "index.html"), "utf8").match(/[\w-]+_bg\.wasm/)[0];
        const app = await get(BASE + wasm);
        expect(app.headers.get("cache-control")).toContain("immutable");
        expect(app.headers.get("content-type")).toBe("application/wasm");
        expect(app.headers.get("content-security-policy")).toBe(policy);
      }
    } finally {
      stop();
    }
  });
}
