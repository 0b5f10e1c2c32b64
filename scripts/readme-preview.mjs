// Draws docs/preview.png, the README's picture of a preview: `b24layout preview` of the missed-call
// example, its "…" menu open, in Debian's Chromium (CHROMIUM_PATH to use another). Run after `npm run build`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const root = resolve(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "b24layout-readme-"));
const page = join(dir, "preview.html");
execFileSync(process.execPath, [join(root, "dist/cli.js"), "preview", "examples/missed-call.b24layout", "-o", page], { cwd: root, stdio: "inherit" });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"] });
try {
  const tab = await browser.newPage({ viewport: { width: 780, height: 500 }, deviceScaleFactor: 1 });
  await tab.goto(pathToFileURL(page).href);
  await tab.locator(".b24-menu__toggle").click();
  await tab.screenshot({ path: join(root, "docs", "preview.png") });
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
