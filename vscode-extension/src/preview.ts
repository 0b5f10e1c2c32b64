/**
 * "b24layout: Open Preview to the Side": a webview beside the editor showing the preview page of
 * the .b24layout document, as typed. The page comes from the language server (the custom request
 * `b24layout/preview`, src/lsp/preview.ts), so the editor shows what `b24layout preview` writes.
 * Its Content-Security-Policy lets it load nothing; the webview may run only the page's own
 * script (nonce), has no local resource roots, and keeps the page's switches in its state.
 */
import { commands, ViewColumn, window, workspace, type Disposable, type ExtensionContext, type TextDocument, type WebviewPanel } from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";

export const OPEN_PREVIEW_COMMAND = "b24layout.openPreviewToSide";
const PREVIEW_REQUEST = "b24layout/preview";
/** Typing pauses this long before the page is drawn again. */
const FOLLOW_DELAY_MS = 150;

interface PreviewAnswer {
  readonly html: string;
  readonly version: number;
}

class PreviewPanel {
  private readonly disposables: Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private shown = -1;

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
        this.schedule();
      }),
      panel.onDidDispose(() => this.dispose()),
    );
    void this.update();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), FOLLOW_DELAY_MS);
  }

  private async update(): Promise<void> {
    const client = this.client();
    if (!client) return;
    const document = this.document;
    const answer = await client.sendRequest<PreviewAnswer | null>(PREVIEW_REQUEST, {
      textDocument: { uri: document.uri.toString() },
      cspSources: [this.panel.webview.cspSource],
    });
    // An answer for an older version (typing went on) or another document is dropped.
    if (!answer || document !== this.document || answer.version < this.shown) return;
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
