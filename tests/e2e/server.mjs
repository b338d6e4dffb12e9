// A static file server for the end-to-end tests, behaving like a static host
// with a single-page-app rewrite: files are served as they are, and any other
// path under the base answers index.html with status 200, so deep links load
// the app. Usage: node server.mjs <dir> <port> [base]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

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

export function startServer(dir, port, base = "/") {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, "http://localhost");
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(base)) {
      response.writeHead(404, { "content-type": "text/plain" }).end("outside the site");
      return;
    }
    path = normalize(path.slice(base.length)).replace(/^(\.\.[/\\])+/, "");
    let file = join(dir, path);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      if (extname(path) === "") {
        const body = await readFile(join(dir, "index.html"));
        response.writeHead(200, { "content-type": TYPES[".html"] }).end(body);
      } else {
        response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      }
    }
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, port, base] = process.argv.slice(2);
  await startServer(dir, Number(port), base ?? "/");
  console.log(`serving ${dir} at http://127.0.0.1:${port}${base ?? "/"}`);
}
