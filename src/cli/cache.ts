/**
 * `b24layout check --cache`: the findings of each file, kept with a hash of everything they
 * depend on (the file's text, the files it imports, the settings its config gives it and the
 * b24layout version), so a run over unchanged files reads and hashes them and checks none.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Diagnostic } from "../diagnostic.js";
import type { FileSummary } from "../check/project.js";
import { writeFilesAtomically } from "./atomic-write.js";
import { VERSION } from "./version.js";

export { DEFAULT_CACHE_FILE } from "./files.js";

/** A file's own findings, and what the project check needs of it (so a cached file is not parsed). */
export interface CachedResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly summary: FileSummary;
}

interface CacheFile {
  readonly version: string;
  readonly entries: Record<string, { readonly key: string } & CachedResult>;
}

/** `import { … } from "…"` lines: the files a file's findings also depend on. */
const IMPORT = /^[ \t]*import\s*\{[^}\n]*\}\s*from\s*"([^"\n]+)"/gm;

export class CheckCache {
  private readonly entries: CacheFile["entries"];
  private changed = false;

  private constructor(
    private readonly path: string,
    entries: CacheFile["entries"] | undefined,
  ) {
    this.entries = entries ?? (Object.create(null) as CacheFile["entries"]);
  }

  /** The cache at `path`; an unreadable, damaged or older cache is an empty one. */
  static open(path: string): CheckCache {
    try {
      const data = JSON.parse(readFileSync(path, "utf8")) as Partial<CacheFile>;
      if (data.version === VERSION && data.entries && typeof data.entries === "object") return new CheckCache(path, data.entries);
    } catch {
      // No cache yet, or not one of ours: start empty.
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
        let content = "";
        try {
          content = readFileSync(path, "utf8");
        } catch {
          // Missing: the finding about it depends on its absence, which this records.
        }
        hash.update("\0").update(path).update("\0").update(content);
        imports(path, content);
      }
    };
    imports(file, text);
    return hash.digest("hex");
  }

  get(file: string, key: string): CachedResult | undefined {
    const entry = this.entries[file];
    // An entry of an older shape (without the summary) is checked again.
    return entry?.key === key && isSummary(entry.summary) ? { diagnostics: entry.diagnostics, summary: entry.summary } : undefined;
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

/** Whether a cached summary has the shape the project check reads (a damaged cache is a miss, not a crash). */
function isSummary(value: unknown): value is FileSummary {
  if (value === null || typeof value !== "object") return false;
  const { declarations, suppressions } = value as Partial<Record<keyof FileSummary, unknown>>;
  const isRange = (r: unknown) =>
    r !== null && typeof r === "object" && ["start", "end"].every((k) => {
      const p = (r as Record<string, unknown>)[k] as Record<string, unknown> | null | undefined;
      return p !== null && typeof p === "object" && typeof p.line === "number" && typeof p.column === "number" && typeof p.offset === "number";
    });
  return (
    Array.isArray(declarations) &&
    declarations.every((d: Record<string, unknown>) => d !== null && typeof d === "object" && ["keyword", "outputKind", "name"].every((k) => typeof d[k] === "string") && isRange(d.nameRange)) &&
    Array.isArray(suppressions) &&
    suppressions.every((c: Record<string, unknown>) => c !== null && typeof c === "object" && typeof c.text === "string" && isRange(c.range))
  );
}
