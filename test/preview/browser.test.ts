/**
 * The preview page in a real browser: a screenshot of every example against its reference image
 * (test/preview/screenshots, `UPDATE_SCREENSHOTS=1` writes them anew), the parts drawn and the
 * switches, actions that describe instead of navigating, "copy JSON", no request at all; the
 * `--serve` reload; and the page the language server gives a webview, under its CSP.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile, preview } from "../../src/index.js";
import { startClient } from "../lsp/client.js";
import { launchBrowser, recordingContext } from "./browser.js";

// What the functions run in the page (page.evaluate) use of its globals: the project's types have no DOM library.
declare const window: object;
declare const navigator: object;
declare const document: { body: { getAttribute(name: string): string | null; appendChild(node: unknown): void }; createElement(tag: string): { textContent: string } };
interface Attributed {
  getAttribute(name: string): string | null;
}
declare function getComputedStyle(element: unknown, pseudo?: string): { backgroundColor: string; content: string };

const ROOT = resolve(import.meta.dirname, "../..");
const EXAMPLES = join(ROOT, "examples");
const REFERENCES = join(import.meta.dirname, "screenshots");
const UPDATE = process.env["UPDATE_SCREENSHOTS"] === "1";
/**
 * Differing pixels allowed (of the image), and how different a pixel must be to count (pixelmatch's
 * threshold). Two runs on one machine differ by none. The threshold is low because the page is
 * pale: at pixelmatch's default (0.1) a white card 42px taller on the #eef2f4 page was 10 pixels;
 * at 0.02 it is 4.5% of the page, and a badge's two words upper-cased 0.05%, both caught.
 */
const TOLERANCE = { share: 0.0002, threshold: 0.02 };

const exampleFiles = readdirSync(EXAMPLES).filter((f) => f.endsWith(".b24layout")).sort();

let browser: Browser;
let context: BrowserContext;
let requests: string[];
let dir: string;
const pages = new Map<string, string>();

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, requests } = await recordingContext(browser));
  // "copy JSON" writes to the clipboard; the stand-in keeps what was written.
  await context.addInitScript(() => {
    const copied: string[] = [];
    Object.defineProperty(window, "copied", { value: copied });
    Object.defineProperty(navigator, "clipboard", { value: { writeText: (text: string) => (copied.push(text), Promise.resolve()) } });
  });
  dir = mkdtempSync(join(tmpdir(), "b24layout-preview-"));
  for (const file of exampleFiles) {
    const path = join(dir, `${basename(file, ".b24layout")}.html`);
    writeFileSync(path, preview(readFileSync(join(EXAMPLES, file), "utf8"), { display: `examples/${file}` }));
    pages.set(file, pathToFileURL(path).href);
  }
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(file: string, query = ""): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(pages.get(file)! + query);
  Object.defineProperty(page, "errors", { value: errors });
  return page;
}

const errorsOf = (page: Page) => (page as Page & { errors: string[] }).errors;

describe("screenshots of every example", () => {
  it.each(exampleFiles)("%s", async (file) => {
    const page = await open(file);
    const actual = PNG.sync.read(await page.screenshot({ fullPage: true, animations: "disabled" }));
    const reference = join(REFERENCES, `${basename(file, ".b24layout")}.png`);
    if (UPDATE || !existsSync(reference)) {
      mkdirSync(REFERENCES, { recursive: true });
      writeFileSync(reference, PNG.sync.write(actual));
      expect(UPDATE, `no reference image for ${file}: written to ${reference}, commit it`).toBe(true);
    }
    const expected = PNG.sync.read(readFileSync(reference));
    expect({ width: actual.width, height: actual.height }).toEqual({ width: expected.width, height: expected.height });
    const differing = pixelmatch(actual.data, expected.data, null, actual.width, actual.height, { threshold: TOLERANCE.threshold });
    expect(differing / (actual.width * actual.height)).toBeLessThanOrEqual(TOLERANCE.share);
    expect(errorsOf(page)).toEqual([]);
    await page.close();
  });
});

describe("the page in a browser", () => {
  it("draws the record: upper-cased coloured tags, every block, the buttons and the menu with its built-in items", async () => {
    const page = await open("missed-call.b24layout");
    const tags = page.locator(".b24-tag");
    expect(await tags.allInnerTexts()).toEqual(["MISSED", "VIP CLIENT"]);
    expect(await tags.evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor))).toEqual(["rgb(255, 225, 224)", "rgb(219, 245, 254)"]);
    expect(await page.locator(".b24-blocks > .b24-block").evaluateAll((els: Attributed[]) => els.map((e) => `${e.getAttribute("data-key")}:${e.getAttribute("data-type")}`))).toEqual([
      "client:withTitle",
      "responsible:lineOfBlocks",
      "due:withTitle",
      "notes:largeText",
    ]);
    expect(await page.locator(".b24-block--lineOfBlocks > .b24-block").evaluateAll((els: Attributed[]) => els.map((e) => e.getAttribute("data-type")))).toEqual(["link", "text"]);
    expect(await page.locator(".b24-button").allInnerTexts()).toEqual(["ABOUT THE CLIENT", "CALL PROCESSED"]);
    const menu = page.locator(".b24-menu__list");
    expect(await menu.isVisible()).toBe(false);
    await page.locator(".b24-menu__toggle").click();
    // showPostponeItem false: Postpone is not there.
    expect(await menu.locator("li:not([role=separator])").allInnerTexts()).toEqual(["Confirm request", "Reject request", "Pin", "Delete"]);
    expect(errorsOf(page)).toEqual([]);
    await page.close();
  });

  it("shows what an action would do instead of navigating", async () => {
    const page = await open("missed-call.b24layout");
    const url = page.url();
    await page.locator(".b24-button", { hasText: "Call processed" }).click();
    const popup = page.locator(".pv-popup");
    expect(await popup.innerText()).toMatch(/Bitrix24 would: restEvent[\s\S]*id 'processed'[\s\S]*the button is disabled/);
    await page.locator(".b24-title").click();
    expect(await popup.innerText()).toMatch(/Bitrix24 would: redirect\s+Opens \/crm\/deal\/details\/123\//);
    expect(await popup.innerText()).toContain("Opens /crm/deal/details/123/ in the portal: a Bitrix24 object's page in a slider, another page in place");
    await page.locator(".b24-button", { hasText: "About the client" }).click();
    expect(await popup.innerText()).toMatch(/openRestApp[\s\S]*"clientId": 456[\s\S]*"width": 700/);
    expect(page.url()).toBe(url);
    await page.close();
  });

  it("copies each item's REST payload, as build writes it", async () => {
    const page = await open("missed-call.b24layout");
    await page.locator(".pv-copy").first().click();
    const copied = await page.evaluate(() => (window as unknown as { copied: string[] }).copied);
    const built = compile(readFileSync(join(EXAMPLES, "missed-call.b24layout"), "utf8")).outputs[0]!.value;
    expect(copied.map((c) => JSON.parse(c) as unknown)).toEqual([built]);
    expect(await page.locator(".pv-copy").first().innerText()).toBe("Copied");
    await page.close();
  });

  it("switches the platform: a web-only button is gone on mobile, and openRestApp is marked there", async () => {
    const page = await open("missed-call.b24layout");
    const about = page.locator(".b24-button", { hasText: "About the client" });
    expect(await about.isVisible()).toBe(true);
    await page.selectOption("#pv-platform", "mobile");
    expect(await about.isVisible()).toBe(false);
    expect(page.url()).toContain("platform=mobile");
    await page.close();
    // The URL query sets it too; openRestApp of a menu item (not scoped) is marked unavailable.
    const mobile = await open("missed-call.b24layout", "?platform=mobile");
    expect(await mobile.locator(".b24-button", { hasText: "About the client" }).isVisible()).toBe(false);
    await mobile.close();
  });

  it("switches the language from the toolbar and the URL, with the en fallback marked", async () => {
    const page = await open("multi-language.b24layout");
    expect(await page.locator(".b24-title").innerText()).toBe("Delivery scheduled");
    await page.selectOption("#pv-lang", "de");
    expect(await page.locator(".b24-title").innerText()).toBe("Lieferung geplant");
    expect(await page.locator(".b24-tag").innerText()).toBe("BESTÄTIGT");
    expect(page.url()).toContain("lang=de");
    await page.close();
    const german = await open("badges.b24layout", "?lang=de&theme=dark");
    expect(await german.locator(".b24-badge__value").allInnerTexts()).toEqual(["VERPASST", "RÜCKRUF"]);
    expect(await german.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(31, 37, 41)");
    await german.close();

    const path = join(dir, "fallback.html");
    writeFileSync(path, preview(`layout x { icon call; header { en: "Hello", fr: "Bonjour" }; body { logo call-incoming; text { en: "Only English" }; w: withTitle { en: "Long title", fr: "Titre long" } { text "v" title { en: "Hint", fr: "Astuce" } } } }\n`));
    const fallback = await context.newPage();
    await fallback.goto(`${pathToFileURL(path).href}?lang=fr`);
    expect(await fallback.locator(".b24-title").innerText()).toBe("Bonjour");
    const text = fallback.locator(".b24-text .b24-i18n");
    expect(await text.innerText()).toBe("Only English");
    expect(await text.getAttribute("class")).toContain("b24-fallback");
    expect(await text.getAttribute("title")).toBe("No 'fr' text: shown in 'en'");
    // Tooltips follow the language too: withTitle's full title, a text's title.
    const titleOf = async (selector: string) => fallback.locator(selector).getAttribute("title");
    expect([await titleOf("[data-key=w] > .b24-with-title__title"), await titleOf("[data-key=w] .b24-text")]).toEqual(["Titre long", "Astuce"]);
    await fallback.selectOption("#pv-lang", "en");
    expect([await titleOf("[data-key=w] > .b24-with-title__title"), await titleOf("[data-key=w] .b24-text")]).toEqual(["Long title", "Hint"]);
    await fallback.close();
  });

  it("marks openRestApp as unavailable in the mobile app, and shows a scoped block on its platform only", async () => {
    const path = join(dir, "rest-app.html");
    writeFileSync(path, preview(`layout x { icon call; header "H"; body { logo call-incoming; text "t"; w: text "Web only" scope web; m: withTitle "Mobile only" scope mobile { text "m" }; l: link "Site" -> redirect "https://example.com/a" } footer { open: button primary "Open app" -> openRestApp { a: 1 } } }\n`));
    const page = await context.newPage();
    await page.goto(`${pathToFileURL(path).href}?platform=mobile`);
    const webOnly = page.locator(".b24-block", { hasText: "Web only" });
    const mobileOnly = page.locator(".b24-block", { hasText: "Mobile only" });
    expect([await webOnly.isVisible(), await mobileOnly.isVisible()]).toEqual([false, true]);
    await page.selectOption("#pv-platform", "web");
    expect([await webOnly.isVisible(), await mobileOnly.isVisible()]).toEqual([true, false]);
    await page.selectOption("#pv-platform", "mobile");
    const button = page.locator(".b24-button");
    expect(await button.isVisible()).toBe(true);
    expect(await button.evaluate((e) => getComputedStyle(e, "::after").content)).toBe('" (not in the mobile app)"');
    await button.click();
    expect(await page.locator(".pv-popup").innerText()).toContain("Not in the mobile app: nothing happens there.");
    await page.locator(".b24-link").click();
    expect(await page.locator(".pv-popup").innerText()).toContain("Opens https://example.com/a in a new tab");
    await page.close();
  });

  it("draws the sizes and colours of preview-facts.md, a block's own colour inside withTitle, and a badge's value upper-cased", async () => {
    const path = join(dir, "facts.html");
    writeFileSync(
      path,
      preview(`badge b success { title "Status"; value "Paid" }
layout x {
  icon call
  header "Title" { t: tag warning "late" }
  body {
    logo call-incoming
    plain: withTitle "Plain" { text "v" }
    coloured: withTitle "Coloured" inline { text "v" color base_50 size xs }
    link: withTitle "Link" inline { link "l" -> redirect "/x" }
    big: text "md" bold
    long: withTitle "Long" inline { text "${"A long value that does not fit in one line of the card ".repeat(4)}" }
  }
}
`),
    );
    const page = await context.newPage();
    await page.goto(pathToFileURL(path).href);
    type Css = Record<string, string>;
    const css = (selector: string, ...properties: string[]) =>
      page.locator(selector).first().evaluate((e, names) => {
        const style = getComputedStyle(e) as unknown as Css;
        return Object.fromEntries(names.map((n) => [n, style[n]!]));
      }, properties);
    expect(await css(".b24-title", "fontSize", "fontWeight", "lineHeight")).toEqual({ fontSize: "13px", fontWeight: "700", lineHeight: "18px" });
    expect(await css(".b24-tag", "fontSize", "fontWeight", "textTransform", "backgroundColor")).toEqual({ fontSize: "9px", fontWeight: "700", textTransform: "uppercase", backgroundColor: "rgb(255, 241, 194)" });
    expect(await css(".b24-icon", "backgroundColor", "borderTopWidth", "color")).toEqual({ backgroundColor: "rgb(47, 198, 246)", borderTopWidth: "1px", color: "rgb(255, 255, 255)" });
    expect(await css(".b24-logo", "width", "height", "borderTopLeftRadius", "backgroundColor", "color")).toEqual({ width: "80px", height: "80px", borderTopLeftRadius: "12px", backgroundColor: "rgb(229, 249, 255)", color: "rgb(47, 198, 246)" });
    // withTitle: the title above in #a8adb4 13px, the value 14px rgba(82,92,105,.9); inline: the title 100px wide in #828b95.
    expect(await css("[data-key=plain] > .b24-with-title__title", "fontSize", "color", "whiteSpace", "textOverflow")).toEqual({ fontSize: "13px", color: "rgb(168, 173, 180)", whiteSpace: "nowrap", textOverflow: "ellipsis" });
    expect(await css("[data-key=plain] .b24-text", "fontSize", "color")).toEqual({ fontSize: "14px", color: "rgba(82, 92, 105, 0.9)" });
    expect(await css("[data-key=coloured] > .b24-with-title__title", "width", "color")).toEqual({ width: "100px", color: "rgb(130, 139, 149)" });
    expect(await css("[data-key=coloured] .b24-text", "fontSize", "color")).toEqual({ fontSize: "12px", color: "rgb(168, 173, 180)" });
    expect(await css("[data-key=link] .b24-link", "fontWeight", "color")).toEqual({ fontWeight: "500", color: "rgb(11, 102, 195)" });
    expect(await css("[data-key=big] .b24-text", "fontSize", "fontWeight", "color")).toEqual({ fontSize: "14px", fontWeight: "700", color: "rgb(51, 51, 51)" });
    // A value too long for its line is cut with an ellipsis, inside the card.
    const cut = page.locator("[data-key=long] > .b24-with-title__value > .b24-block");
    const overflow = await cut.evaluate((e) => {
      const box = e as unknown as { scrollWidth: number; clientWidth: number };
      return { textOverflow: (getComputedStyle(e) as unknown as Css)["textOverflow"], cut: box.scrollWidth > box.clientWidth };
    });
    expect(overflow).toEqual({ textOverflow: "ellipsis", cut: true });
    const card = (await page.locator(".b24-card").first().boundingBox())!;
    const value = (await cut.boundingBox())!;
    expect(value.x + value.width).toBeLessThanOrEqual(card.x + card.width);
    expect(await page.locator(".b24-badge__value").innerText()).toBe("PAID");
    expect(await css(".b24-badge__value", "backgroundColor")).toEqual({ backgroundColor: "rgb(228, 245, 201)" });
    await page.close();
  });

  it("offers \"more\" only for a large text that is cut, and opens and closes it", async () => {
    const path = join(dir, "large-text.html");
    writeFileSync(path, preview(`layout x { icon call; header "H"; body { logo call-incoming; short: largeText "One line."; long: largeText "${Array.from({ length: 8 }, (_, i) => `Line ${i + 1}.`).join("\\n")}" } }\n`));
    const page = await context.newPage();
    await page.goto(pathToFileURL(path).href);
    const more = (key: string) => page.locator(`[data-key=${key}] .b24-more`);
    expect([await more("short").isVisible(), await more("long").isVisible()]).toEqual([false, true]);
    const long = page.locator("[data-key=long] .b24-large-text");
    const collapsed = (await long.boundingBox())!.height;
    await more("long").click();
    expect((await long.boundingBox())!.height).toBeGreaterThan(collapsed * 2);
    expect(await more("long").innerText()).toBe("less");
    await more("long").click();
    expect((await long.boundingBox())!.height).toBe(collapsed);
    await page.close();
  });

  it("makes no request but for the page itself", () => {
    const own = new Set([...pages.values(), ...[...pages.values()].map((p) => p.replace(/\?.*$/, ""))]);
    expect(requests.filter((r) => !own.has(r.replace(/\?.*$/, "")) && !/\/(?:fallback|rest-app|facts|large-text|webview-\w+)\.html(?:\?|$)/.test(r))).toEqual([]);
    expect(requests.length).toBeGreaterThan(exampleFiles.length);
  });
});

describe("the page in a webview", () => {
  it("keeps its switches and its scroll position when the editor sends the page again as you type", async () => {
    const page = await context.newPage();
    // VS Code's webview API, as far as the page uses it: a state kept by the host across new HTML.
    await page.addInitScript(() => {
      const host = window as unknown as { name: string; acquireVsCodeApi?: () => unknown };
      host.acquireVsCodeApi = () => ({
        getState: () => (host.name ? (JSON.parse(host.name) as unknown) : undefined),
        setState: (state: unknown) => void (host.name = JSON.stringify(state)),
      });
    });
    const source = (title: string) => `${Array.from({ length: 12 }, (_, i) => `layout l${i} { icon call; header "${title} ${i}"; body { logo call-incoming; text "x" } }`).join("\n")}\n`;
    const load = async (title: string) => {
      const path = join(dir, `webview-${title}.html`);
      writeFileSync(path, preview(source(title)));
      await page.goto(pathToFileURL(path).href);
    };
    await load("First");
    await page.selectOption("#pv-theme", "dark");
    await page.locator(".b24-title", { hasText: "First 9" }).scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY);
    expect(scrolled).toBeGreaterThan(500);
    await page.waitForTimeout(150);
    await load("Second");
    expect(await page.evaluate(() => document.body.getAttribute("data-theme"))).toBe("dark");
    expect(await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY)).toBe(scrolled);
    expect(await page.locator(".b24-title", { hasText: "Second 9" }).isVisible()).toBe(true);
    await page.close();
  });
});

describe("b24layout preview --serve", () => {
  // The built package (`npm test` builds it first), as the language server tests use it.
  const cli = join(ROOT, "dist", "cli.js");
  let server: ChildProcess | undefined;
  afterAll(() => {
    server?.kill();
  });

  const get = (port: number, path: string, host: string) =>
    new Promise<number>((done, fail) => {
      const req = httpRequest({ host: "127.0.0.1", port, path, headers: { host } }, (res) => {
        res.resume();
        done(res.statusCode ?? 0);
      });
      req.on("error", fail);
      req.end();
    });

  it("serves the page on 127.0.0.1, draws it again when the file is saved, and the page reloads", async () => {
    const project = join(dir, "serve");
    mkdirSync(project);
    const file = join(project, "call.b24layout");
    writeFileSync(file, `layout call { icon call; header "First title"; body { logo call-incoming; text "x" } }\n`);
    server = spawn(process.execPath, [cli, "preview", "call.b24layout", "--serve", "--port", "0"], { cwd: project, env: { PATH: process.env["PATH"] ?? "" } });
    const port = await new Promise<number>((done, fail) => {
      let stderr = "";
      server!.stderr!.setEncoding("utf8").on("data", (s: string) => {
        stderr += s;
        const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(stderr);
        if (m) done(Number(m[1]));
      });
      server!.on("exit", (code) => fail(new Error(`the server ended (${code}): ${stderr}`)));
    });
    // Another name for the host (DNS rebinding) is refused.
    expect(await get(port, "/", "attacker.example:80")).toBe(421);
    expect(await get(port, "/nothing", `127.0.0.1:${port}`)).toBe(404);
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/?theme=dark`);
    expect(await page.locator(".b24-title").innerText()).toBe("First title");
    const reloaded = page.waitForEvent("load");
    writeFileSync(file, `layout call { icon call; header "Second title"; body { logo call-incoming; text "x" } }\n`);
    await reloaded;
    expect(await page.locator(".b24-title").innerText()).toBe("Second title");
    // The reload keeps the switches of the URL.
    expect(await page.evaluate(() => document.body.getAttribute("data-theme"))).toBe("dark");
    await page.close();
  }, 30_000);
});

describe("the webview page of the language server", () => {
  it("answers b24layout/preview with the document as typed, under a CSP that runs only the page's own script", async () => {
    // A client that declares none of the optional capabilities: the request needs none.
    const client = await startClient(pathToFileURL(dir).href, { capabilities: {} });
    try {
      const uri = pathToFileURL(join(dir, "typed.b24layout")).href;
      await client.open(uri, `layout typed { icon call; header "As typed"; body { logo call-incoming; text "x" } }\n`);
      const answer = await client.connection.sendRequest<{ html: string; version: number } | null>("b24layout/preview", {
        textDocument: { uri },
        theme: "dark",
        cspSources: ["https://*.vscode-cdn.net", "'unsafe-inline'"],
      });
      expect(answer!.version).toBe(1);
      const csp = /content="([^"]*)"/.exec(answer!.html)![1]!.replace(/&#39;/g, "'");
      expect(csp).toMatch(/^default-src 'none'; style-src 'nonce-[A-Za-z0-9+/=]+' https:\/\/\*\.vscode-cdn\.net; script-src 'nonce-[A-Za-z0-9+/=]+'; img-src data:; base-uri 'none'; form-action 'none'$/);
      expect(await client.connection.sendRequest("b24layout/preview", { textDocument: { uri: "file:///not/open.b24layout" } })).toBeNull();
      // It follows typing: the next request after a change draws that version, even before its diagnostics are sent.
      void client.change(uri, 2, [{ text: `layout typed { icon call; header "Typed on"; body { logo call-incoming; text "x" } }\n` }]);
      const typed = await client.connection.sendRequest<{ html: string; version: number } | null>("b24layout/preview", { textDocument: { uri } });
      expect(typed!.version).toBe(2);
      expect(typed!.html).toContain(">Typed on<");
      expect(typed!.html).not.toContain("As typed");

      const page = await context.newPage();
      await page.setContent(answer!.html);
      expect(await page.locator(".b24-title").innerText()).toBe("As typed");
      expect(await page.evaluate(() => document.body.getAttribute("data-theme"))).toBe("dark");
      // The page's script runs (the switch works); a script the page did not bring does not.
      await page.selectOption("#pv-platform", "mobile");
      expect(await page.evaluate(() => document.body.getAttribute("data-platform"))).toBe("mobile");
      await page.evaluate(() => {
        const script = document.createElement("script");
        script.textContent = "window.injected = true";
        document.body.appendChild(script);
      });
      expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
      await page.close();
    } finally {
      await client.stop();
    }
  });
});
