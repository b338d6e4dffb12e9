// Size figures of the release build: printed every run, held to a budget.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { expect } from "@playwright/test";
import { DIST, at, open, test } from "./fixtures.mjs";

const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

test("figures: wasm size and first-visit bytes", async ({ page }) => {
  const wasmFile = readdirSync(DIST).find((name) => name.endsWith(".wasm"));
  const wasm = readFileSync(join(DIST, wasmFile));
  const wasmGzip = gzipSize(wasm);
  console.log(`figure: release wasm ${kb(wasm.length)} (${wasm.length} bytes), ${kb(wasmGzip)} gzip`);

  const responses = [];
  page.on("response", (response) => responses.push(response));
  await open(page, "/");
  await page.waitForLoadState("networkidle");
  let total = 0;
  const rows = [];
  for (const response of responses) {
    const body = await response.body().catch(() => Buffer.alloc(0));
    const compressed = gzipSize(body);
    total += compressed;
    rows.push(`${kb(compressed).padStart(10)}  ${new URL(response.url()).pathname}`);
  }
  console.log(`figure: first visit to / : ${responses.length} requests, ${kb(total)} (${total} bytes) gzip\n${rows.join("\n")}`);
  expect(statSync(join(DIST, wasmFile)).size).toBe(wasm.length);
  // Budget: the whole first visit stays under 400 KB compressed.
  expect(total).toBeLessThan(400 * 1024);
});

// Compiled as it loads rather than function by function as each first runs:
// `quire build` writes the hint (publish.rs, `with_compile_hint`).
test("the app's JavaScript asks the browser to compile all of it as it loads", async ({ page }) => {
  const glue = readdirSync(DIST).find((name) => /^quire-web-.*\.js$/.test(name));
  const served = await (await page.request.get(at(`/${glue}`))).text();
  expect(served.split("\n")[0]).toBe("//# allFunctionsCalledOnLoad");
  expect(served).toContain("as default };");
});
