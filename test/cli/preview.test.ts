/** `b24layout preview` in-process: the page it writes, its options, --params sets, and its errors. */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BADGE, runMain, scratch, WITH_ERROR } from "./fixtures.js";

const TEMPLATE = `layout greet(name: string) { icon call; header "Hello \${name}"; body { logo call-incoming; text "x" } }\n`;
const sets = (html: string) => [...html.matchAll(/class="pv-set" data-set="([^"]*)"/g)].map((m) => m[1]);

describe("b24layout preview", () => {
  it("writes the page next to the build output by default, and exits 0 for clean files", async () => {
    const dir = scratch({ "badge.b24layout": BADGE });
    const run = await runMain(dir, ["preview", "badge.b24layout"]);
    expect(run).toMatchObject({ code: 0, stdout: "" });
    expect(run.stderr).toContain("✔ wrote dist/b24layout/preview.html (1 file)");
    const html = readFileSync(join(dir, "dist/b24layout/preview.html"), "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('data-kind="badge" data-name="missedCall"');
  });

  it("takes the switches as options", async () => {
    const dir = scratch({ "badge.b24layout": BADGE });
    expect((await runMain(dir, ["preview", ".", "-o", "p.html", "--lang", "de", "--platform", "mobile", "--theme", "dark"])).code).toBe(0);
    expect(readFileSync(join(dir, "p.html"), "utf8")).toContain('<body data-language="de" data-platform="mobile" data-theme="dark">');
    const bad = await runMain(dir, ["preview", ".", "--platform", "tv"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("argument 'tv' is invalid");
    // A language Bitrix24 does not know is a typo, not a page of fallbacks; one the file does not use is fine.
    const typo = await runMain(dir, ["preview", ".", "-o", "typo.html", "--lang", "dee"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^error: --lang 'dee' is not a language of Bitrix24: use one of ar, br, de, .*\.$/m);
    expect(existsSync(join(dir, "typo.html"))).toBe(false);
    expect((await runMain(dir, ["preview", ".", "-o", "fr.html", "--lang", "fr"])).code).toBe(0);
  });

  it("still writes the page of a file with errors, marks it rejected, reports the errors and exits 1", async () => {
    const dir = scratch({ "broken.b24layout": WITH_ERROR });
    const run = await runMain(dir, ["preview", "broken.b24layout", "-o", "out/p.html"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^broken\.b24layout\n +\d+:\d+ +error /m);
    expect(run.stderr).toContain("Bitrix24 would reject those payloads");
    expect(readFileSync(join(dir, "out/p.html"), "utf8")).toContain("Bitrix24 would reject this payload");
  });

  it("draws a binary file and a file that is not UTF-8 as their one finding each, rejected, without an internal error", async () => {
    const dir = scratch({
      "binary.b24layout": new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00, 0x03, 0x00]),
      "latin1.b24layout": new Uint8Array([...Buffer.from('layout a { icon call; header "'), 0xff, ...Buffer.from('"; body { logo call-incoming; text "x" } }\n')]),
      "badge.b24layout": BADGE,
    });
    const run = await runMain(dir, ["preview", ".", "-o", "p.html"]);
    expect(run.stderr).not.toContain("internal error");
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^binary\.b24layout\n +1:1 +error +File appears to be binary\. +syntax-error$/m);
    expect(run.stderr).toMatch(/^latin1\.b24layout\n +1:31 +error +Invalid UTF-8: byte 0xFF/m);
    const html = readFileSync(join(dir, "p.html"), "utf8");
    expect(html).toContain("<li>binary.b24layout: the file</li>");
    expect(html).toContain("<li>latin1.b24layout: the file</li>");
    expect(html).toMatch(/data-rule="syntax-error">1:1 error syntax-error: File appears to be binary\.<\/li>/);
    // The readable file beside them is drawn as ever.
    expect(html).toContain('data-kind="badge" data-name="missedCall"');
  });

  it("refuses a REST JSON payload with what to do instead, rather than reading it as .b24layout", async () => {
    const dir = scratch({ "badge.b24layout": BADGE, "payload.json": '{ "code": "x", "title": "T", "value": "V", "type": "primary" }' });
    const run = await runMain(dir, ["preview", "badge.b24layout", "payload.json", "-o", "p.html"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("error: 'payload.json' is a JSON payload: preview draws .b24layout files. Check it with `b24layout check payload.json`, or turn it into .b24layout with `b24layout import payload.json` and preview that.\n");
    expect(existsSync(join(dir, "p.html"))).toBe(false);
  });

  it("refuses an output path that is a directory with a clear error, and leaves it as it was", async () => {
    const dir = scratch({ "badge.b24layout": BADGE, "out/keep.txt": "kept" });
    const run = await runMain(dir, ["preview", "badge.b24layout", "-o", "out"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: cannot write 'out': is a directory$/m);
    expect(run.stderr).not.toMatch(/\n +at /);
    expect(readdirSync(join(dir, "out"))).toEqual(["keep.txt"]);
  });

  it("never writes the page over a file it previews, a params file, or into a path through a file", async () => {
    const dir = scratch({ "greet.b24layout": TEMPLATE, "anna.json": JSON.stringify({ greet: { name: "Anna" } }) });
    const source = await runMain(dir, ["preview", "greet.b24layout", "-o", "greet.b24layout"]);
    expect(source.code).toBe(2);
    expect(source.stderr).toBe("error: -o 'greet.b24layout' is a file being previewed: the page would overwrite it. Give the page its own name, e.g. -o preview.html\n");
    const params = await runMain(dir, ["preview", "greet.b24layout", "--params", "anna.json", "-o", "./anna.json"]);
    expect(params.code).toBe(2);
    expect(params.stderr).toBe("error: -o './anna.json' is a file being previewed: the page would overwrite it. Give the page its own name, e.g. -o preview.html\n");
    symlinkSync(join(dir, "greet.b24layout"), join(dir, "link.html"));
    expect((await runMain(dir, ["preview", "greet.b24layout", "-o", "link.html"])).stderr).toContain("error: -o 'link.html' is a file being previewed");
    expect(readFileSync(join(dir, "greet.b24layout"), "utf8")).toBe(TEMPLATE);
    expect(readFileSync(join(dir, "anna.json"), "utf8")).toBe(JSON.stringify({ greet: { name: "Anna" } }));
    const throughFile = await runMain(dir, ["preview", "greet.b24layout", "--params", "anna.json", "-o", "greet.b24layout/p.html"]);
    expect(throughFile.code).toBe(2);
    expect(throughFile.stderr).toBe("error: cannot write 'greet.b24layout/p.html': 'greet.b24layout' is a file, not a folder\n");
  });

  it("says a loop of links or a file on the way cannot be read or written, with no internal error", async () => {
    const dir = scratch({ "greet.b24layout": TEMPLATE });
    symlinkSync("loop.json", join(dir, "loop.json"));
    const loop = await runMain(dir, ["preview", "loop.json"]);
    expect(loop.code).toBe(2);
    expect(loop.stderr).toMatch(/^error: cannot read 'loop\.json': ELOOP/);
    const throughFile = await runMain(dir, ["preview", "greet.b24layout/x.json"]);
    expect(throughFile.code).toBe(2);
    expect(throughFile.stderr).toMatch(/^error: cannot read 'greet\.b24layout\/x\.json'/);
    const output = await runMain(dir, ["preview", "greet.b24layout", "-o", "loop.json/p.html"]);
    expect(output.code).toBe(2);
    expect(output.stderr).toMatch(/^error: cannot write 'loop\.json\/p\.html': ELOOP/);
    for (const run of [loop, throughFile, output]) expect(run.stderr).not.toContain("internal error");
  });

  it("creates the folders of an output path that does not exist yet, as build does for its output folder", async () => {
    const dir = scratch({ "badge.b24layout": BADGE });
    expect((await runMain(dir, ["preview", "badge.b24layout", "-o", "new/deeper/p.html"])).code).toBe(0);
    expect(readdirSync(join(dir, "new/deeper"))).toEqual(["p.html"]);
  });

  it("shows each --params file, and each of a file's $sets, in its own column", async () => {
    const dir = scratch({
      "greet.b24layout": TEMPLATE,
      "anna.json": JSON.stringify({ greet: { name: "Anna" } }),
      "more.json": JSON.stringify({ $sets: { bob: { greet: { name: "Bob" } }, eve: { greet: { name: "Eve" } } } }),
    });
    expect((await runMain(dir, ["preview", "greet.b24layout", "--params", "anna.json", "--params", "more.json", "-o", "p.html"])).code).toBe(0);
    const html = readFileSync(join(dir, "p.html"), "utf8");
    expect(sets(html)).toEqual(["anna", "bob", "eve"]);
    expect(["Hello Anna", "Hello Bob", "Hello Eve"].map((t) => html.indexOf(t))).toEqual([...["Hello Anna", "Hello Bob", "Hello Eve"].map((t) => html.indexOf(t))].sort((a, b) => a - b));
  });

  it("refuses sets that are not objects and two sets of one name, writing nothing", async () => {
    const dir = scratch({ "greet.b24layout": TEMPLATE, "a.json": JSON.stringify({ $sets: [] }), "x/anna.json": "{}", "y/anna.json": "{}" });
    const notObject = await runMain(dir, ["preview", "greet.b24layout", "--params", "a.json", "-o", "p.html"]);
    expect(notObject.code).toBe(2);
    expect(notObject.stderr).toContain('error: a.json: "$sets" must be an object of named sets');
    const twice = await runMain(dir, ["preview", "greet.b24layout", "--params", "x/anna.json", "--params", "y/anna.json", "-o", "p.html"]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain("two sets of template values are named 'anna'");
    expect(existsSync(join(dir, "p.html"))).toBe(false);
  });

  it("reports a --params key that names no declaration, as check --params does", async () => {
    const dir = scratch({ "greet.b24layout": TEMPLATE, "p.json": JSON.stringify({ $sets: { one: { gret: { name: "A" } } } }) });
    const run = await runMain(dir, ["preview", "greet.b24layout", "--params", "p.json", "-o", "p.html"]);
    expect(run.stderr).toMatch(/^ +1:\d+ +error +.*'gret'.* +template-arguments$/m);
  });
});

/** `runPreview --serve` in-process on a free port: its stderr so far, its port, and how to stop it. */
async function serve(dir: string, paths: readonly string[], port = 0) {
  const { runPreview } = await import("../../src/cli/preview.js");
  const output = { stderr: "" };
  const io = { stdout: { write: () => undefined }, stderr: { write: (s: string) => void (output.stderr += s) }, env: {}, cwd: dir };
  const stop = new AbortController();
  const running = runPreview(paths, { serve: true, port, color: false, signal: stop.signal }, io);
  let served = 0;
  for (let i = 0; i < 200 && served === 0; i++) {
    const ended = await Promise.race([running.then(() => true, () => true), new Promise<false>((r) => setTimeout(() => r(false), 25))]);
    if (ended) break;
    served = Number(/http:\/\/127\.0\.0\.1:(\d+)\//.exec(output.stderr)?.[1] ?? 0);
  }
  return { output, port: served, running, stop: () => stop.abort() };
}

/** Waits until `stderr` has grown to contain `text` (a re-render after a save). */
async function until(output: { stderr: string }, text: string, from: number): Promise<void> {
  for (let i = 0; i < 200 && !output.stderr.slice(from).includes(text); i++) await new Promise((r) => setTimeout(r, 25));
  expect(output.stderr.slice(from)).toContain(text);
}

describe("b24layout preview --serve (in-process)", () => {
  it("keeps serving through a syntax error: the page shows it, rejected, and the fixed file is drawn again", async () => {
    const dir = scratch({ "call.b24layout": `layout call { icon call; header "First"; body { logo call-incoming; text "x" } }\n` });
    const server = await serve(dir, ["call.b24layout"]);
    const page = async () => (await fetch(`http://127.0.0.1:${server.port}/`)).text();
    expect(await page()).toContain(">First<");
    let from = server.output.stderr.length;
    writeFileSync(join(dir, "call.b24layout"), `layout call { icon call; header "Second"; body {\n`);
    await until(server.output, "re-rendered the preview", from);
    expect(server.output.stderr.slice(from)).toMatch(/error +Expected '\}' to close the block/);
    const broken = await page();
    expect(broken).toContain("Bitrix24 would reject this payload");
    from = server.output.stderr.length;
    writeFileSync(join(dir, "call.b24layout"), `layout call { icon call; header "Third"; body { logo call-incoming; text "x" } }\n`);
    await until(server.output, "re-rendered the preview", from);
    const fixed = await page();
    expect(fixed).toContain(">Third<");
    expect(fixed).not.toContain("would reject");
    server.stop();
    expect(await server.running).toBe(0);
  });

  it("keeps serving when a file is deleted, says so, and draws it again when it is back", async () => {
    const dir = scratch({ "call.b24layout": `layout call { icon call; header "First"; body { logo call-incoming; text "x" } }\n` });
    const server = await serve(dir, ["call.b24layout"]);
    let from = server.output.stderr.length;
    rmSync(join(dir, "call.b24layout"));
    await until(server.output, "error: cannot read 'call.b24layout'", from);
    from = server.output.stderr.length;
    writeFileSync(join(dir, "call.b24layout"), `layout call { icon call; header "Back"; body { logo call-incoming; text "x" } }\n`);
    await until(server.output, "re-rendered the preview", from);
    expect(await (await fetch(`http://127.0.0.1:${server.port}/`)).text()).toContain(">Back<");
    server.stop();
    expect(await server.running).toBe(0);
  });

  it("draws a file added in a new folder of a directory it serves", async () => {
    const dir = scratch({ "layouts/call.b24layout": `layout call { icon call; header "First"; body { logo call-incoming; text "x" } }\n`, "layouts/node_modules/x/skip.b24layout": "" });
    const server = await serve(dir, ["layouts"]);
    const from = server.output.stderr.length;
    mkdirSync(join(dir, "layouts/new/deeper"), { recursive: true });
    writeFileSync(join(dir, "layouts/new/deeper/added.b24layout"), `layout added { icon call; header "Added"; body { logo call-incoming; text "x" } }\n`);
    await until(server.output, "re-rendered the preview", from);
    for (let i = 0; i < 40 && !(await (await fetch(`http://127.0.0.1:${server.port}/`)).text()).includes(">Added<"); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await (await fetch(`http://127.0.0.1:${server.port}/`)).text()).toContain(">Added<");
    server.stop();
    expect(await server.running).toBe(0);
  });

  it("draws again when an imported file in another folder or the config changes, as check --watch runs again", async () => {
    const layout = 'import { chip } from "../shared/chip.b24layout"\nlayout a {\n  icon info\n  header "A"\n  body {\n    logo document\n    use chip { name: "x" }\n  }\n}\n';
    const chip = 'fragment chip(name: string) {\n  c: text "First ${name}"\n}\n';
    const dir = scratch({ "package.json": "{}\n", "layouts/a.b24layout": layout, "shared/chip.b24layout": chip });
    const server = await serve(dir, ["layouts"]);
    const page = async () => (await fetch(`http://127.0.0.1:${server.port}/`)).text();
    expect(await page()).toContain("First x");
    let from = server.output.stderr.length;
    writeFileSync(join(dir, "shared/chip.b24layout"), chip.replace("First", "Second"));
    await until(server.output, "re-rendered the preview", from);
    expect(await page()).toContain("Second x");
    from = server.output.stderr.length;
    // The config turns a rule to an error: the page marks it, though no source changed.
    writeFileSync(join(dir, "b24layout.config.json"), '{ "rules": { "unknown-code": "error" } }');
    writeFileSync(join(dir, "layouts/a.b24layout"), layout.replace("icon info", "icon my-icon"));
    await until(server.output, "re-rendered the preview", from);
    expect(await page()).toContain("Bitrix24 would reject this payload");
    from = server.output.stderr.length;
    writeFileSync(join(dir, "b24layout.config.json"), '{ "rules": { "unknown-code": "off" } }');
    await until(server.output, "re-rendered the preview", from);
    expect(await page()).not.toContain("would reject");
    server.stop();
    expect(await server.running).toBe(0);
  });

  it("says a port in use is in use, without a stack trace", async () => {
    const dir = scratch({ "badge.b24layout": BADGE });
    const first = await serve(dir, ["badge.b24layout"]);
    const second = await serve(dir, ["badge.b24layout"], first.port);
    await expect(second.running).rejects.toThrow(`port ${first.port} is in use: choose another with --port`);
    first.stop();
    await first.running;
    // Through main: the message as the user sees it, exit code 2.
    const busy = createServer();
    await new Promise<void>((done) => busy.listen(0, "127.0.0.1", done));
    const port = (busy.address() as { port: number }).port;
    const run = await runMain(dir, ["preview", "badge.b24layout", "--serve", "--port", String(port)]);
    busy.close();
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`error: port ${port} is in use: choose another with --port`);
    expect(run.stderr).not.toMatch(/\n +at /);
    const tooHigh = await runMain(dir, ["preview", "badge.b24layout", "--serve", "--port", "70000"]);
    expect(tooHigh.code).toBe(2);
    expect(tooHigh.stderr).toBe("error: --port 70000 is not a port: give one from 1 to 65535, or 0 for a free one\n");
  });


  it("serves the page on 127.0.0.1 only, with a CSP that lets it listen for reloads, and stops when asked", async () => {
    const { runPreview } = await import("../../src/cli/preview.js");
    const dir = scratch({ "badge.b24layout": BADGE });
    let stderr = "";
    const io = { stdout: { write: () => undefined }, stderr: { write: (s: string) => void (stderr += s) }, env: {}, cwd: dir };
    const stop = new AbortController();
    const running = runPreview(["badge.b24layout"], { serve: true, port: 0, color: false, signal: stop.signal }, io);
    let port = 0;
    for (let i = 0; i < 200 && port === 0; i++) {
      await new Promise((r) => setTimeout(r, 25));
      port = Number(/http:\/\/127\.0\.0\.1:(\d+)\//.exec(stderr)?.[1] ?? 0);
    }
    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('data-live="/events"');
    expect(/content="([^"]*)"/.exec(html)![1]).toContain("connect-src &#39;self&#39;");
    stop.abort();
    expect(await running).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });
});
