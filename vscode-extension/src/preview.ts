/**
 * "b24layout: Open Preview to the Side": a webview beside the editor showing the preview page of
 * the .b24layout document, as typed. The page comes from the language server (the custom request
 * `b24layout/preview`, src/lsp/preview.ts), so the editor shows what `b24layout preview` writes.
 * Its Content-Security-Policy lets it load nothing; the webview may run only the page's own
 * script (nonce), has no local resource roots, and keeps the page's switches in its state.
 */
import { ColorThemeKind, commands, ViewColumn, window, workspace, type Disposable, type ExtensionContext, type TextDocument, type WebviewPanel } from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { previewMessagePage } from "../../src/preview/message-page.js";

export const OPEN_PREVIEW_COMMAND = "b24layout.openPreviewToSide";
const PREVIEW_REQUEST = "b24layout/preview";
/** Typing pauses this long before the page is drawn again. */
const FOLLOW_DELAY_MS = 150;
/** A document the server has not checked yet (just opened) is asked for again this often, this many times. */
const RETRY_DELAY_MS = 500;
const RETRIES = 20;

interface PreviewAnswer {
  readonly html: string;
  readonly version: number;
}

class PreviewPanel {
  private readonly disposables: Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private shown = -1;
  private retries = 0;

  constructor(
    private readonly panel: WebviewPanel,
    private document: TextDocument,
    private readonly client: () => LanguageClient | undefined,
    private readonly languageId: string,
  ) {
    this.disposables.push(
      workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() === this.document.uri.toString()) this.schedule();
      }),
      window.onDidChangeActiveTextEditor((editor) => {
        if (!editor || editor.document.languageId !== this.languageId || editor.document === this.document) return;
        this.document = editor.document;
        this.shown = -1;
        this.retries = 0;
        this.schedule();
      }),
      panel.onDidDispose(() => this.dispose()),
    );
    void this.update();
  }

  private schedule(delay = FOLLOW_DELAY_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  private async update(): Promise<void> {
    const document = this.document;
    let answer: PreviewAnswer | null;
    try {
      const client = this.client();
      if (!client) throw new Error("the b24layout language server is not running.");
      answer = await client.sendRequest<PreviewAnswer | null>(PREVIEW_REQUEST, {
        textDocument: { uri: document.uri.toString() },
        // The page starts in the editor's light or dark; its own switch (kept in the webview's state) wins after.
        theme: window.activeColorTheme.kind === ColorThemeKind.Dark || window.activeColorTheme.kind === ColorThemeKind.HighContrast ? "dark" : "light",
        cspSources: [this.panel.webview.cspSource],
      });
    } catch (error) {
      if (document === this.document) this.panel.webview.html = previewMessagePage(`The preview cannot be drawn: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (document !== this.document) return;
    if (!answer) {
      // Not checked yet (the server has not seen the document open): asked again, the last page kept.
      if (this.shown < 0) this.panel.webview.html = previewMessagePage("Waiting for the language server to check this document…");
      if (this.retries++ < RETRIES) this.schedule(RETRY_DELAY_MS);
      return;
    }
    this.retries = 0;
    // An answer for an older version (typing went on) is dropped.
    if (answer.version < this.shown) return;
    this.shown = answer.version;
    this.panel.title = `Preview ${document.uri.path.split("/").pop() ?? ""}`;
    this.panel.webview.html = answer.html;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** Registers the command (also in the editor's title bar for .b24layout files: package.json `menus`). */
export function registerPreview(context: ExtensionContext, client: () => LanguageClient | undefined, languageId: string): void {
  const command = commands.registerCommand(OPEN_PREVIEW_COMMAND, () => {
    const document = window.activeTextEditor?.document;
    if (!document || document.languageId !== languageId) {
      void window.showInformationMessage("Open a .b24layout file to preview it.");
      return;
    }
    const panel = window.createWebviewPanel("b24layout.preview", "b24layout preview", { viewColumn: ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [],
    });
    new PreviewPanel(panel, document, client, languageId);
  });
  context.subscriptions.push(command);
}
