/**
 * `b24layout check --cache`: the findings of each file, kept with a hash of everything they
 * depend on (the file's text, the files it imports, the settings its config gives it and the
 * b24layout version), so a run over unchanged files reads and hashes them and checks none.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Diagnostic } from "../diagnostic.js";
import { writeFilesAtomically } from "./atomic-write.js";
import { VERSION } from "./version.js";

export { DEFAULT_CACHE_FILE } from "./files.js";

interface CacheFile {
  readonly version: string;
  readonly entries: Record<string, { readonly key: string; readonly diagnostics: readonly Diagnostic[] }>;
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
        // The bytes, not a decoding: two files with different bytes that are not UTF-8 decode alike.
        let content: Buffer = Buffer.alloc(0);
        try {
          content = readFileSync(path);
        } catch {
          // Missing: the finding about it depends on its absence, which this records.
        }
        hash.update("\0").update(path).update("\0").update(content);
        imports(path, content.toString("utf8"));
      }
    };
    imports(file, text);
    return hash.digest("hex");
  }

  get(file: string, key: string): readonly Diagnostic[] | undefined {
    const entry = this.entries[file];
    return entry?.key === key ? entry.diagnostics : undefined;
  }

  set(file: string, key: string, diagnostics: readonly Diagnostic[]): void {
    this.entries[file] = { key, diagnostics };
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
