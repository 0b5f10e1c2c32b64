/**
 * The custom request `b24layout/preview`: the preview page (src/preview) of an open document as
 * it is now, typed text included, for an editor's side panel (the VS Code extension's "Open
 * Preview to the Side"). Any client can send it; the answer is one HTML string whose
 * Content-Security-Policy lets it load nothing, and whose switches the client may preset.
 */
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import type { CheckResult } from "../pipeline/index.js";
import { PLATFORMS, renderPage, THEMES, type PageOptions, type Platform, type Theme } from "../preview/index.js";

export const PREVIEW_REQUEST = "b24layout/preview";

export interface PreviewParams {
  readonly textDocument: { readonly uri: string };
  readonly language?: string;
  readonly platform?: Platform;
  readonly theme?: Theme;
  /**
   * Sources the webview host adds to `style-src` (VS Code's `webview.cspSource`). Only a scheme,
   * host and path are taken: a value with spaces, quotes or `;` could widen the policy.
   */
  readonly cspSources?: readonly string[];
}

export interface PreviewAnswer {
  readonly html: string;
  /** The document version the page shows. */
  readonly version: number;
}

const LANGUAGE = /^[a-z]{2}(?:[-_][a-zA-Z]{2})?$/;
const CSP_SOURCE = /^[a-zA-Z][\w+.-]*:(?:\/\/)?[\w.*:/-]*$|^[\w.*-]+(?::\d+)?$/;

/** The params of a request, or undefined when they are not a preview request's (a message is untrusted). */
export function readPreviewParams(raw: unknown): PreviewParams | undefined {
  if (raw === null || typeof raw !== "object") return undefined;
  const params = raw as Record<string, unknown>;
  const document = params["textDocument"] as Record<string, unknown> | null | undefined;
  if (document === null || typeof document !== "object" || typeof document["uri"] !== "string") return undefined;
  const language = typeof params["language"] === "string" && LANGUAGE.test(params["language"]) ? params["language"] : undefined;
  const platform = PLATFORMS.find((p) => p === params["platform"]);
  const theme = THEMES.find((t) => t === params["theme"]);
  const sources = Array.isArray(params["cspSources"]) ? params["cspSources"].filter((s): s is string => typeof s === "string" && s.length < 200 && CSP_SOURCE.test(s)) : [];
  return {
    textDocument: { uri: document["uri"] },
    ...(language ? { language } : {}),
    ...(platform ? { platform } : {}),
    ...(theme ? { theme } : {}),
    ...(sources.length > 0 ? { cspSources: sources } : {}),
  };
}

function displayName(uri: string): string {
  try {
    return uri.startsWith("file:") ? basename(fileURLToPath(uri)) : uri;
  } catch {
    return uri;
  }
}

/** The page of a checked document. */
export function previewDocument(params: PreviewParams, result: CheckResult, version: number): PreviewAnswer {
  const options: PageOptions = {
    title: `Preview: ${displayName(params.textDocument.uri)}`,
    ...(params.language ? { language: params.language } : {}),
    ...(params.platform ? { platform: params.platform } : {}),
    ...(params.theme ? { theme: params.theme } : {}),
    ...(params.cspSources ? { cspSources: params.cspSources } : {}),
  };
  const html = renderPage([{ display: displayName(params.textDocument.uri), program: result.program, diagnostics: result.diagnostics }], options);
  return { html, version };
}
