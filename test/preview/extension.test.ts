/**
 * The VS Code side of the preview (VS Code cannot run here): the manifest contributes the command
 * the extension registers, for .b24layout editors, and the extension asks the language server
 * for the request the server answers (browser.test.ts sends that request over LSP).
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { PREVIEW_REQUEST } from "../../src/lsp/preview.js";

const EXTENSION = resolve(import.meta.dirname, "../../vscode-extension");

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category: string }[];
    menus: Record<string, { command: string; when: string }[]>;
  };
}

describe("the preview command of the VS Code extension", () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION, "package.json"), "utf8")) as Manifest;
  const source = readFileSync(join(EXTENSION, "src", "preview.ts"), "utf8");
  const command = /export const OPEN_PREVIEW_COMMAND = "([^"]+)";/.exec(source)![1]!;

  it("is contributed as 'b24layout: Open Preview to the Side', in the palette and title bar of .b24layout editors", () => {
    expect(manifest.contributes.commands).toContainEqual(expect.objectContaining({ command, title: "Open Preview to the Side", category: "b24layout" }));
    expect(manifest.contributes.menus["editor/title"]).toContainEqual(expect.objectContaining({ command, when: "editorLangId == b24layout" }));
    expect(manifest.contributes.menus["commandPalette"]).toContainEqual(expect.objectContaining({ command, when: "editorLangId == b24layout" }));
  });

  it("asks for the request the server answers, in a webview without local resources or command links", () => {
    expect(source).toContain(`const PREVIEW_REQUEST = "${PREVIEW_REQUEST}";`);
    expect(source).toMatch(/enableScripts: true,\s+enableCommandUris: false,\s+localResourceRoots: \[\],/);
    expect(source).toContain("cspSources: [this.panel.webview.cspSource]");
    expect(source).toMatch(/theme: window\.activeColorTheme\.kind === ColorThemeKind\.Dark \|\| window\.activeColorTheme\.kind === ColorThemeKind\.HighContrast \? "dark" : "light",/);
    expect(readFileSync(join(EXTENSION, "src", "extension.ts"), "utf8")).toContain("registerPreview(context, () => client, LANGUAGE_ID);");
    // A server that is not running, or that fails, is said in the panel; an unchecked document is asked for again.
    expect(source).toMatch(/catch \(error\) \{\s+if \(document === this\.document\) this\.panel\.webview\.html = previewMessagePage\(/);
    expect(source).toContain('import { previewMessagePage } from "../../src/preview/message-page.js";');
  });
});
