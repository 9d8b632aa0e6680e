// Shared by the browser tests: a static server for pkg-js on 127.0.0.1 and headless Chromium.
import { createServer } from "node:http";
import { readFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, extname, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const pkg = fileURLToPath(new URL("..", import.meta.url));
const types = { ".mjs": "text/javascript", ".js": "text/javascript", ".json": "application/json", ".wasm": "application/wasm", ".html": "text/html" };

/** Serve pkg-js (plus `extra` url → file) on a free port; returns { port, close }. */
export async function serve(extra = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    const path = extra[url.pathname] ?? normalize(join(pkg, url.pathname));
    if (!extra[url.pathname] && !path.startsWith(pkg)) return res.writeHead(403).end();
    let body;
    try {
      body = await readFile(path);
    } catch {
      return res.writeHead(404).end();
    }
    res.writeHead(200, { "content-type": types[extname(path)] || "application/octet-stream" }).end(body);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { port: server.address().port, close: () => server.close() };
}

/** Headless Debian Chromium, flags as this machine needs them. */
export async function launch() {
  const userDataDir = await mkdtemp(join(tmpdir(), "zylon-chromium-"));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
