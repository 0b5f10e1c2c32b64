/**
 * Documents that used to leave the language server silent (nesting that overflowed the parser's
 * stack) or noisy (a binary file, a missing '}'), through the real server process with Node's
 * default stack: each gets its diagnostics, at their place.
 */
import { pathToFileURL } from "node:url";
import type { Diagnostic } from "vscode-languageserver-protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratch } from "../cli/fixtures.js";
import { startClient, type TestClient } from "./client.js";

let client: TestClient;
let root: string;

beforeAll(async () => {
  root = scratch();
  client = await startClient(pathToFileURL(root).href);
}, 30_000);

afterAll(async () => {
  await client.stop();
});

const uri = (name: string) => pathToFileURL(`${root}/${name}`).href;
const shown = (d: Diagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${typeof d.message === "string" ? d.message : d.message.value}`;

describe("the language server", () => {
  it("publishes the nesting error of blocks 400 deep, and the server keeps answering", async () => {
    const text = `blocks b {\n${"withTitle \"t\" {\n".repeat(400)}text "x"\n${"}\n".repeat(400)}}\n`;
    const published = await client.open(uri("deep.b24layout"), text);
    expect(published.diagnostics.filter((d) => d.code === "syntax-error").map(shown)).toEqual([
      "65:15 Nested too deeply: this '{' opens level 65, but blocks, maps, lists and parameter types may nest at most 64 levels.",
    ]);
    const next = await client.open(uri("ok.b24layout"), 'blocks ok {\n  text "x"\n}\n');
    expect(next.diagnostics).toEqual([]);
  });

  it("publishes one diagnostic for a binary document", async () => {
    const published = await client.open(uri("image.b24layout"), "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR".repeat(100));
    expect(published.diagnostics.map(shown)).toEqual(["1:1 File appears to be binary."]);
  });

  it("puts a missing '}' at the '{' left open, and nothing else", async () => {
    const text = ["layout call {", "  icon call", '  header "T" {', '    tag warning "x"', "  body {", "    logo document", '    text "x"', "  }", "}", ""].join("\n");
    const published = await client.open(uri("unclosed.b24layout"), text);
    expect(published.diagnostics.map(shown)).toEqual([
      "3:14 This '{' has no matching '}': the block seems to end before line 5, which is indented no deeper than this line. Add the '}' there.",
    ]);
  });
});
