/**
 * `b24layout check --cache`: the findings of each file, kept with a hash of everything they
 * depend on (the file's text, the files it imports, the settings its config gives it and the
 * b24layout version), so a run over unchanged files reads and hashes them and checks none.
 *
 * The cache is data, never code, and it is trusted as the sources next to it are: a cache file
 * that another user owns, that everyone may write, or that is not a regular file is not read,
 * and an entry whose findings are not findings (any field of the wrong type, a position that is
 * not a position) is dropped, so nothing downstream meets a shape it does not expect.
 */
import { createHash } from "node:crypto";
import { dirname, resolve } from "node:path";
import type { Diagnostic } from "../diagnostic.js";
import type { FileSummary } from "../check/index.js";
import { writeFilesAtomically } from "./atomic-write.js";
import { readRegularFile, realPath, writtenOnlyByThisUser } from "../workspace/index.js";
import { VERSION } from "./version.js";

export { DEFAULT_CACHE_FILE } from "./files.js";

/** A file's own findings, and what the project check needs of it (so a cached file is not parsed). */
export interface CachedResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly summary: FileSummary;
}

type Entries = Record<string, { readonly key: string } & CachedResult>;

interface CacheFile {
  readonly version: string;
  readonly entries: Entries;
}

/** `import { … } from "…"` lines: the files a file's findings also depend on. */
const IMPORT = /^[ \t]*import\s*\{[^}\n]*\}\s*from\s*"([^"\n]+)"/gm;

export class CheckCache {
  private readonly entries: Entries;
  private changed = false;

  private constructor(
    private readonly path: string,
    entries: Entries | undefined,
  ) {
    this.entries = entries ?? (Object.create(null) as Entries);
  }

  /** The cache at `path`; an unreadable, damaged, older or untrusted cache is an empty one (its well-formed entries kept). */
  static open(path: string): CheckCache {
    const bytes = readRegularFile(path, writtenOnlyByThisUser);
    if (!bytes) return new CheckCache(path, undefined);
    try {
      const data = JSON.parse(bytes.toString("utf8")) as unknown;
      if (isRecord(data) && data["version"] === VERSION && isRecord(data["entries"])) return new CheckCache(path, wellFormedEntries(data["entries"]));
    } catch {
      // Not one of ours: start empty.
    }
    return new CheckCache(path, undefined);
  }

  /** The hash of what the findings of `file` depend on. */
  key(file: string, text: string, settings: unknown): string {
    const hash = createHash("sha256").update(VERSION).update("\0").update(JSON.stringify(settings ?? {})).update("\0").update(text);
    const seen = new Set([file]);
    const imports = (from: string, source: string) => {
      for (const m of source.matchAll(IMPORT)) {
        const path = resolve(dirname(from), m[1]!);
        if (seen.has(path)) continue;
        seen.add(path);
        // Missing, or not a file (a FIFO would block): the finding about it depends on that,
        // which the empty content records; and on where a link leads (outside the project or not).
        // The bytes, not a decoding: two files with different bytes that are not UTF-8 decode alike.
        const content = readRegularFile(path) ?? Buffer.alloc(0);
        hash.update("\0").update(path).update("\0").update(realPath(path) ?? "").update("\0").update(content);
        imports(path, content.toString("utf8"));
      }
    };
    imports(file, text);
    return hash.digest("hex");
  }

  get(file: string, key: string): CachedResult | undefined {
    const entry = Object.hasOwn(this.entries, file) ? this.entries[file] : undefined;
    return entry?.key === key ? { diagnostics: entry.diagnostics, summary: entry.summary } : undefined;
  }

  set(file: string, key: string, result: CachedResult): void {
    this.entries[file] = { key, diagnostics: result.diagnostics, summary: result.summary };
    this.changed = true;
  }

  /** Writes the cache if anything changed. A cache that cannot be written only costs the next run time. */
  async save(): Promise<void> {
    if (!this.changed) return;
    const data: CacheFile = { version: VERSION, entries: this.entries };
    try {
      await writeFilesAtomically([{ path: this.path, content: JSON.stringify(data) }]);
    } catch {
      // Read-only folder or full disk: the next run checks again.
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The entries whose key and findings have the shapes this version writes; the rest are dropped (checked again). */
function wellFormedEntries(entries: Record<string, unknown>): Entries {
  const kept = Object.create(null) as Entries;
  for (const [file, entry] of Object.entries(entries)) {
    // An entry of an older shape (without the summary) is dropped too: the file is checked again.
    if (isRecord(entry) && typeof entry["key"] === "string" && Array.isArray(entry["diagnostics"]) && entry["diagnostics"].every(isDiagnostic) && isSummary(entry["summary"])) {
      kept[file] = { key: entry["key"], diagnostics: entry["diagnostics"], summary: entry["summary"] };
    }
  }
  return kept;
}

const RULE_ID = /^[a-z][a-z0-9-]*$/;

function isDiagnostic(value: unknown): value is Diagnostic {
  return (
    isRecord(value) &&
    typeof value["ruleId"] === "string" &&
    RULE_ID.test(value["ruleId"]) &&
    (value["severity"] === "error" || value["severity"] === "warning") &&
    typeof value["message"] === "string" &&
    isRange(value["range"]) &&
    (value["fix"] === undefined || isFix(value["fix"])) &&
    (value["suggestions"] === undefined || (Array.isArray(value["suggestions"]) && value["suggestions"].every(isFix))) &&
    (value["related"] === undefined || (Array.isArray(value["related"]) && value["related"].every(isRelated)))
  );
}

function isRelated(value: unknown): boolean {
  return isRecord(value) && typeof value["message"] === "string" && isRange(value["range"]) && (value["file"] === undefined || typeof value["file"] === "string");
}

function isFix(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value["description"] === "string" &&
    Array.isArray(value["edits"]) &&
    value["edits"].every((edit) => isRecord(edit) && isRange(edit["range"]) && typeof edit["newText"] === "string")
  );
}

function isRange(value: unknown): boolean {
  if (!isRecord(value) || !isPosition(value["start"]) || !isPosition(value["end"])) return false;
  return (value["start"] as { offset: number }).offset <= (value["end"] as { offset: number }).offset;
}

function isPosition(value: unknown): boolean {
  return isRecord(value) && isCount(value["offset"], 0) && isCount(value["line"], 1) && isCount(value["column"], 1);
}

function isCount(value: unknown, least: number): boolean {
  return Number.isSafeInteger(value) && (value as number) >= least;
}

/** Whether a cached summary has the shape the project check reads (a damaged cache is a miss, not a crash). */
function isSummary(value: unknown): value is FileSummary {
  if (!isRecord(value)) return false;
  const { declarations, imports, badges, badgeCodes, unresolved, importAt, importLists, suppressions } = value as Partial<Record<keyof FileSummary, unknown>>;
  const listOf = (list: unknown, item: (x: Record<string, unknown>) => boolean) => Array.isArray(list) && list.every((x) => isRecord(x) && item(x));
  const strings = (x: Record<string, unknown>, keys: readonly string[]) => keys.every((k) => typeof x[k] === "string");
  return (
    listOf(declarations, (d) => strings(d, ["keyword", "outputKind", "name"]) && isRange(d["nameRange"])) &&
    listOf(imports, (i) => strings(i, ["name", "keyword", "source", "path", "realPath"]) && isRange(i["range"])) &&
    listOf(badges, (b) => strings(b, ["code", "name"]) && isRange(b["nameRange"])) &&
    listOf(badgeCodes, (b) => strings(b, ["code"]) && isRange(b["range"]) && typeof b["quoted"] === "boolean") &&
    listOf(unresolved, (r) => strings(r, ["keyword", "name"]) && isRange(r["range"])) &&
    (importAt === undefined || (isRecord(importAt) && isPosition(importAt["position"]) && typeof importAt["afterImport"] === "boolean")) &&
    listOf(importLists, (l) => strings(l, ["source"]) && isPosition(l["end"])) &&
    listOf(suppressions, (c) => strings(c, ["text"]) && isRange(c["range"]))
  );
}
