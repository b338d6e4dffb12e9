// A static file server for the end-to-end tests that answers the way a given
// static host does, from the rules files the build writes:
//   github      files, folders' index.html (a folder without its slash is
//               redirected), anything else 404.html with status 404
//   netlify     as github, then the `_redirects` rules for paths with no
//               file, and the `_headers` rules on every answer
//   cloudflare  `_redirects` rules before files, then as github, with `_headers`
//   spa         every unknown extension-less path answers index.html with
//               status 200, like `trunk serve` and single-page-app hosts
// Like every one of those hosts, it compresses text and wasm with gzip, and
// answers with an ETag, Last-Modified and the host's usual Cache-Control (a
// request with a matching If-None-Match gets 304).
// Usage: node server.mjs <dir> <port> [base] [host]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".md": "text/markdown; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

/** How long each host lets browsers keep a file without asking again, before any `_headers` rule. */
const CACHING = {
  github: { "cache-control": "max-age=600" },
  netlify: { "cache-control": "public, max-age=0, must-revalidate" },
  cloudflare: { "cache-control": "public, max-age=0, must-revalidate" },
  spa: {},
};

/** `_redirects`: "from to status" lines. */
async function readRedirects(dir) {
  const text = await readFile(join(dir, "_redirects"), "utf8").catch(() => "");
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const [from, to, status] = line.split(/\s+/);
      return { from, to, status: Number(status ?? 301) };
    });
}

/** `_headers`: a path pattern line, then indented "Name: value" lines. */
async function readHeaders(dir) {
  const text = await readFile(join(dir, "_headers"), "utf8").catch(() => "");
  const rules = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (/^\s/.test(line)) {
      const [name, ...value] = line.trim().split(":");
      rules.at(-1)?.headers.push([name.trim(), value.join(":").trim()]);
    } else {
      const pattern = new RegExp(`^${line.trim().replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
      rules.push({ pattern, headers: [] });
    }
  }
  return rules;
}

export async function startServer(dir, port, base = "/", host = "github") {
  const redirects = await readRedirects(dir);
  const headerRules = await readHeaders(dir);
  const withHeaders = (pathname, headers) => {
    if (host !== "netlify" && host !== "cloudflare") return headers;
    for (const rule of headerRules) {
      if (rule.pattern.test(pathname)) for (const [name, value] of rule.headers) headers[name.toLowerCase()] = value;
    }
    return headers;
  };
  const redirectFor = (pathname) =>
    host === "netlify" || host === "cloudflare" ? redirects.find((rule) => rule.from === pathname) : undefined;

  const server = createServer(async (request, response) => {
    const url = new URL(request.url, "http://localhost");
    const pathname = decodeURIComponent(url.pathname);
    const send = (status, headers, body) => {
      const type = headers["content-type"] ?? "";
      const compressible = /^(text\/|application\/(json|wasm|xml))|svg/.test(type);
      if (compressible && body.length > 0 && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) {
        body = gzipSync(body);
        headers = { ...headers, "content-encoding": "gzip", vary: "Accept-Encoding" };
      }
      response.writeHead(status, withHeaders(pathname, headers)).end(request.method === "HEAD" ? undefined : body);
    };
    if (!pathname.startsWith(base)) {
      send(404, { "content-type": "text/plain" }, "outside the site");
      return;
    }
    if (host === "cloudflare") {
      const rule = redirectFor(pathname);
      if (rule) return send(rule.status, { location: rule.to }, "");
    }
    const relative = normalize(pathname.slice(base.length)).replace(/^(\.\.[/\\])+/, "");
    let file = join(dir, relative);
    try {
      if ((await stat(file)).isDirectory()) {
        if (!pathname.endsWith("/")) return send(301, { location: `${pathname}/` }, "");
        file = join(file, "index.html");
      }
      const body = await readFile(file);
      const { mtime } = await stat(file);
      const etag = `"${body.length.toString(16)}-${mtime.getTime().toString(16)}"`;
      const headers = { "content-type": TYPES[extname(file)] ?? "application/octet-stream", etag, "last-modified": mtime.toUTCString(), ...CACHING[host] };
      if (request.headers["if-none-match"] === etag) return send(304, headers, "");
      send(200, headers, body);
      return;
    } catch {
      // No such file: the host's fallback rules decide.
    }
    const rule = redirectFor(pathname);
    if (rule) return send(rule.status, { location: rule.to }, "");
    if (host === "spa" && extname(pathname) === "") {
      send(200, { "content-type": TYPES[".html"] }, await readFile(join(dir, "index.html")));
      return;
    }
    const notFound = await readFile(join(dir, "404.html")).catch(() => "not found");
    send(404, { "content-type": TYPES[".html"] }, notFound);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, port, base = "/", host = "github"] = process.argv.slice(2);
  await startServer(dir, Number(port), base, host);
  console.log(`serving ${dir} at http://127.0.0.1:${port}${base} as ${host} would`);
}
