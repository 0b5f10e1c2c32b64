/**
 * The page an editor's preview panel shows instead of a preview, saying why (no language server,
 * no check of the document yet): it loads and runs nothing. Its own small module, which the VS Code
 * extension's client bundle takes without the renderer.
 */
import { escapeHtml } from "./html.js";

export function previewMessagePage(message: string): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head>
<body><p>${escapeHtml(message)}</p></body></html>
`;
}
