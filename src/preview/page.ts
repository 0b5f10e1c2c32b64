/**
 * The preview page: every declaration of the checked files rendered from its REST JSON, once per
 * set of template values (side by side), with the checker's findings, the switches and the
 * page's own script. One self-contained HTML document: its Content-Security-Policy allows no
 * request at all (the EventSource of `--serve` excepted), so it works offline and stays so.
 */
import { randomBytes } from "node:crypto";
import type { Diagnostic } from "../diagnostic.js";
import { emitDeclaration, type EmittedDeclaration, type Json } from "../emit/index.js";
import { renderProgram, type ProgramArguments } from "../emit/index.js";
import type { IrDeclaration, IrProgram } from "../lower/index.js";
import { BITRIX_LANGUAGES } from "../model/index.js";
import { PREVIEW_SCRIPT } from "./client.js";
import { attributeFindings, type FindingsByPath } from "./findings.js";
import { asObject, entriesOf, escapeHtml, scriptJson } from "./html.js";
import { actionDescriptions, assignToRendered, renderActivity, renderAdditionalBlocks, renderBadge, renderCard, renderRecord, type RenderContext } from "./render.js";
import { PREVIEW_CSS } from "./styles.js";

/** A checked file to preview: its lowered program and its findings (`check`'s, project rules included). */
export interface PreviewFile {
  /** How the page names it (a path relative to the working directory, a document's name). */
  readonly display: string;
  /** None for a file that could not be read as text (binary, not UTF-8): the page shows its finding. */
  readonly program: IrProgram | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** A named set of template values (`--params FILE`), shown in its own column. */
export interface ParamSet {
  readonly name: string;
  readonly values: ProgramArguments;
}

export const PLATFORMS = ["web", "mobile"] as const;
export type Platform = (typeof PLATFORMS)[number];
export const THEMES = ["light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export interface PageOptions {
  /** The language shown first; the page offers every language the files use. Default `en` (else the first used). */
  readonly language?: string;
  readonly platform?: Platform;
  readonly theme?: Theme;
  /** Sets of template values, side by side. None: one column, the templates with their defaults. */
  readonly paramSets?: readonly ParamSet[];
  /** The page's title. */
  readonly title?: string;
  /** `--serve`: the URL of the server's event stream, whose `reload` event reloads the page. */
  readonly live?: string;
  /** Sources a webview host adds to the CSP (VS Code's `webview.cspSource`, for its own injected styles). */
  readonly cspSources?: readonly string[];
  /** The CSP nonce of the page's style and script; random by default. */
  readonly nonce?: string;
}

/** One declaration rendered with one set of values, or why it could not be. */
interface Rendering {
  readonly payload?: Json;
  /** A template given no values for parameters without defaults. */
  readonly missing?: readonly string[];
  readonly failure?: string;
  readonly findings: FindingsByPath;
  readonly rejected: boolean;
}

interface FileRenderings {
  readonly file: PreviewFile;
  /** By set, by declaration. */
  readonly sets: Map<IrDeclaration, Rendering>[];
  /** Findings outside every declaration (imports, translations), of the first set. */
  readonly outside: readonly Diagnostic[];
}

function renderFile(file: PreviewFile, set: ParamSet | undefined): { renderings: Map<IrDeclaration, Rendering>; outside: Diagnostic[] } {
  const { program } = file;
  const renderings = new Map<IrDeclaration, Rendering>();
  if (program === undefined) return { renderings, outside: [...file.diagnostics] };
  const errors = file.diagnostics.some((d) => d.severity === "error");
  let outputs: readonly EmittedDeclaration[] = [];
  let diagnostics = file.diagnostics;
  let withoutValues = new Map<IrDeclaration, readonly string[]>();
  if (!errors) {
    // What `build --params` writes: the templates rendered with these values, and the problems of the values.
    const result = renderProgram(program, set?.values ?? {});
    outputs = result.outputs;
    diagnostics = [...diagnostics, ...result.diagnostics];
    withoutValues = new Map(result.withoutValues.map((t) => [t.declaration, t.missing]));
  }
  const { byDeclaration, outside } = attributeFindings(program, diagnostics);
  const rendered = new Map(outputs.map((o) => [o.name, o.value]));
  for (const declaration of program.declarations) {
    const findings = byDeclaration.get(declaration.name) ?? new Map<string, readonly Diagnostic[]>();
    const rejected = [...findings.values()].some((list) => list.some((d) => d.severity === "error"));
    const missing = withoutValues.get(declaration);
    if (missing) {
      renderings.set(declaration, { missing, findings, rejected });
      continue;
    }
    if (rendered.has(declaration.name)) {
      renderings.set(declaration, { payload: rendered.get(declaration.name)!, findings, rejected });
      continue;
    }
    // A file with errors has no build output; the preview still draws what it can, marked rejected.
    try {
      renderings.set(declaration, { payload: emitDeclaration(declaration, program), findings, rejected: true });
    } catch {
      renderings.set(declaration, { failure: "It cannot be rendered until its errors are fixed.", findings, rejected: true });
    }
  }
  return { renderings, outside };
}

/** The languages of every language map in the payloads, and of the translation tables. */
function collectLanguages(files: readonly FileRenderings[]): string[] {
  const known = new Set(BITRIX_LANGUAGES.map((l) => l.id));
  const found = new Set<string>();
  const visit = (value: Json | undefined): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    const object = asObject(value);
    if (!object) return;
    const keys = Object.keys(object);
    if (keys.length > 0 && keys.every((k) => known.has(k) && typeof object[k] === "string")) keys.forEach((k) => found.add(k));
    else for (const [, v] of entriesOf(object)) visit(v);
  };
  for (const f of files) {
    for (const table of [f.file.program?.translations, f.file.program?.importedTranslations]) for (const language of table?.languages.keys() ?? []) found.add(language);
    for (const set of f.sets) for (const r of set.values()) visit(r.payload);
  }
  return [...found].sort((a, b) => (a === "en" ? -1 : b === "en" ? 1 : a.localeCompare(b)));
}

function badgesOf(files: readonly FileRenderings[], setIndex: number): Map<string, Json> {
  const badges = new Map<string, Json>();
  for (const f of files) {
    for (const [declaration, r] of f.sets[setIndex]!) {
      if (declaration.spec.outputKind !== "badge" || r.payload === undefined) continue;
      const code = asObject(r.payload)?.["code"];
      if (typeof code === "string") badges.set(code, r.payload);
    }
  }
  return badges;
}

function renderPayload(kind: string, payload: Json, ctx: RenderContext): string {
  switch (kind) {
    case "layout":
      return renderRecord(payload, "", ctx, { scheduled: undefined, deadline: undefined });
    case "blocks":
      return renderAdditionalBlocks(payload, "", ctx);
    case "badge":
      return renderBadge(payload, "", ctx);
    case "activity":
      return renderActivity(payload, "", ctx);
    case "card":
      return renderCard(payload, "", ctx);
    default:
      return `<pre>${escapeHtml(JSON.stringify(payload, null, 2))}</pre>`;
  }
}

function findingsList(marked: readonly Diagnostic[][], findings: FindingsByPath): string {
  const numbered = new Map<Diagnostic, number>();
  marked.forEach((list, i) => list.forEach((d) => numbered.set(d, i + 1)));
  const all = [...findings.values()].flat().sort((a, b) => a.range.start.offset - b.range.start.offset);
  if (all.length === 0) return "";
  const items = all.map((d) => {
    const n = numbered.get(d);
    const at = `${d.range.start.line}:${d.range.start.column}`;
    return `<li class="pv-sev--${d.severity}" data-rule="${escapeHtml(d.ruleId)}">${n !== undefined ? `<sup class="b24-mark b24-mark--${d.severity}">${n}</sup> ` : ""}${at} ${d.severity} ${escapeHtml(d.ruleId)}: ${escapeHtml(d.message)}</li>`;
  });
  return `<ul class="pv-findings">${items.join("")}</ul>`;
}

/** The whole page. */
export function renderPage(files: readonly PreviewFile[], options: PageOptions = {}): string {
  const sets: (ParamSet | undefined)[] = options.paramSets && options.paramSets.length > 0 ? [...options.paramSets] : [undefined];
  const renderings: FileRenderings[] = files.map((file) => {
    const perSet = sets.map((set) => renderFile(file, set));
    return { file, sets: perSet.map((s) => s.renderings), outside: perSet[0]!.outside };
  });
  const languages = collectLanguages(renderings);
  const language = options.language ?? (languages.includes("en") || languages.length === 0 ? "en" : languages[0]!);
  if (!languages.includes(language)) languages.push(language);
  const platform = options.platform ?? "web";
  const theme = options.theme ?? "light";
  const nonce = options.nonce ?? randomBytes(16).toString("base64");
  const payloads: string[] = [];
  let itemCount = 0;

  const rejected: string[] = [];
  const sections = renderings.map((f) => {
    const items = (f.file.program?.declarations ?? []).map((declaration) => {
      const columns = sets.map((set, i) => {
        const r = f.sets[i]!.get(declaration)!;
        const marked: Diagnostic[][] = [];
        const badges = badgesOf(renderings, i);
        let findings = r.findings;
        let content: string;
        if (r.payload !== undefined) {
          // A first rendering finds the elements drawn; each finding outlines the deepest of them that holds it.
          const rendered = new Set<string>();
          renderPayload(declaration.spec.outputKind, r.payload, { language, findings: new Map(), badges, marked: [], rendered });
          findings = assignToRendered(r.findings, rendered);
          content = renderPayload(declaration.spec.outputKind, r.payload, { language, findings, badges, marked });
        }
        else if (r.missing) content = `<div class="pv-missing">A template: give values for ${r.missing.map((m) => `'${escapeHtml(m)}'`).join(", ")} with --params to see it.</div>`;
        else content = `<div class="pv-missing">${escapeHtml(r.failure ?? "")}</div>`;
        if (r.rejected) rejected.push(`${f.file.display}: ${declaration.spec.keyword} ${declaration.name}${set ? ` (${set.name})` : ""}`);
        let copy = "";
        if (r.payload !== undefined) {
          const id = `pv-json-${itemCount++}`;
          payloads.push(`<script type="application/json" id="${id}">${scriptJson(r.payload)}</script>`);
          const file = `${declaration.name}.${declaration.spec.outputKind}.json`;
          copy = `<button type="button" class="pv-copy" data-json="${id}" title="copy the REST payload (${escapeHtml(file)})">copy JSON</button>`;
        }
        const head = `<div class="pv-set__name">${set ? escapeHtml(set.name) : ""}${copy}</div>`;
        return `<div class="pv-set" data-set="${escapeHtml(set?.name ?? "")}"${r.rejected ? " data-rejected" : ""}>${head}${content}${findingsList(marked, findings)}</div>`;
      });
      return `<section class="pv-item" data-kind="${escapeHtml(declaration.spec.outputKind)}" data-name="${escapeHtml(declaration.name)}"><div class="pv-item__head"><span class="pv-item__kind">${escapeHtml(declaration.spec.keyword)}</span><span class="pv-item__name">${escapeHtml(declaration.name)}</span></div><div class="pv-sets">${columns.join("")}</div></section>`;
    });
    const outside = f.outside.length === 0 ? "" : findingsList([], new Map([["", f.outside]]));
    if (f.outside.some((d) => d.severity === "error")) rejected.push(`${f.file.display}: the file`);
    const empty = items.length === 0 && f.file.program !== undefined ? `<div class="pv-missing">No declarations.</div>` : "";
    return `<section class="pv-file" data-file="${escapeHtml(f.file.display)}"><h2>${escapeHtml(f.file.display)}</h2>${outside}${items.join("")}${empty}</section>`;
  });

  const banner =
    rejected.length > 0
      ? `<div class="pv-banner" role="alert"><strong>Bitrix24 would reject ${rejected.length === 1 ? "this payload" : `${rejected.length} payloads`}:</strong> fix the errors marked below first.<ul>${[...new Set(rejected)].map((r) => `<li>${escapeHtml(r)}</li>`).join("")}</ul></div>`
      : "";
  const option = (value: string, selected: string, label = value) => `<option value="${escapeHtml(value)}"${value === selected ? " selected" : ""}>${escapeHtml(label)}</option>`;
  const toolbar = `<header class="pv-toolbar"><h1>${escapeHtml(options.title ?? "b24layout preview")}</h1>
<label>Language <select id="pv-lang">${languages.map((l) => option(l, language)).join("")}</select></label>
<label>Platform <select id="pv-platform">${PLATFORMS.map((p) => option(p, platform)).join("")}</select></label>
<label>Theme <select id="pv-theme">${THEMES.map((t) => option(t, theme)).join("")}</select></label></header>`;
  const connect = options.live !== undefined ? " connect-src 'self';" : "";
  const extra = (options.cspSources ?? []).map((s) => ` ${s}`).join("");
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'${extra}; script-src 'nonce-${nonce}'; img-src data:;${connect} base-uri 'none'; form-action 'none'`;
  const live = options.live !== undefined ? ` data-live="${escapeHtml(options.live)}"` : "";
  return `<!DOCTYPE html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="b24layout preview">
<title>${escapeHtml(options.title ?? "b24layout preview")}</title>
<style nonce="${nonce}">${PREVIEW_CSS}</style>
</head>
<body data-language="${escapeHtml(language)}" data-platform="${platform}" data-theme="${theme}"${live}>
${toolbar}
<main class="pv-main">${banner}${sections.join("\n")}</main>
<script type="application/json" id="pv-actions">${scriptJson(actionDescriptions())}</script>
${payloads.join("\n")}
<script nonce="${nonce}">${PREVIEW_SCRIPT}</script>
</body>
</html>
`;
}
