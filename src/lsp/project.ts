/**
 * The project check in the editor: what only the whole set of files shows (src/check/project.ts:
 * two files that `build` would write under one name, …), over the files `b24layout check` would
 * check in the workspace folders, with the open documents' texts in place of the disk's.
 *
 * The files are found as the CLI walks a folder (`**\/*.b24layout`, no symbolic link followed, no
 * dot-folder or node_modules, the config's `ignore` applied); an open document is one of them when
 * that walk would find it. Without workspace folders, the open documents are the project.
 *
 * It works on each file's summary (FileSummary, what `check --cache` keeps): a file on disk is
 * checked once, and again only when its text changes (its size, times or inode changed and its
 * text hashes differently); an open document's summary comes from each check of it. A keystroke
 * that leaves the summary as it was (a text typed, no name or line moved) costs a comparison; one
 * that changes it runs the project rules over the summaries, not the files, at once when the file
 * has project findings or a name changed, and when typing pauses when only lines moved in a file
 * without findings (it still has none; only the others' messages could quote its lines).
 */
import { createHash } from "node:crypto";
import { lstatSync, statSync } from "node:fs";
import { isAbsolute, relative, sep } from "node:path";
import { glob } from "tinyglobby";
import type { Diagnostic } from "../diagnostic.js";
import type { Position } from "../syntax/index.js";
import type { CheckOptions } from "../check/index.js";
import { checkProjectFiles, withProjectFindings, type FileSummary, type ProjectFindings } from "../check/index.js";
import { realPath, SOURCE_EXTENSION } from "../workspace/index.js";

/** What the project needs from the server. */
export interface ProjectHost {
  /** Whether the config of a file leaves it out of a folder's walk (`ignore`). */
  isIgnored(path: string): boolean;
  /** A file's settings: the severities of the project rules in it. */
  optionsFor(path: string): CheckOptions;
  /** A file's text on disk (bounded as imports are), undefined when it cannot be read. */
  readFile(path: string): string | undefined;
  /** The summary of a text of `path` (checked as `check` does). */
  summarize(path: string, text: string): FileSummary;
  /** Messages name a file so (relative to its workspace folder). */
  display(path: string): string;
  /** Something went wrong that is not the user's: logged, never thrown. */
  log(message: string): void;
}

interface Member {
  /** The path the file is known by: an open document's, else the walk's. */
  path: string;
  summary: FileSummary;
  /**
   * JSON of the summary without offsets: a change of it (names, kinds, lines and columns,
   * suppressions) changes the project's findings; offsets alone (a character typed above a
   * declaration, on another line) only move this file's findings.
   */
  key: string;
  /** The key without lines and columns either: what decides which findings there are (their texts and places aside). */
  identity: string;
  open: boolean;
  /** For a file read from disk: its stat stamp and the hash of its text. */
  stamp?: string;
  hash?: string;
}

/** How the walk goes, as `b24layout check <folder>` goes (src/cli/files.ts). */
const WALK = { absolute: true, onlyFiles: true, followSymbolicLinks: false, ignore: ["**/node_modules/**"], expandDirectories: false } as const;

/** How long a scan works before it lets the server answer requests (ms). */
const SLICE_MS = 15;

function stampOf(path: string): string | undefined {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return undefined;
  }
}

function hashOf(text: string): string {
  return createHash("sha256").update(text).digest("base64");
}

/** Whether a value is a position of the syntax tree. */
function isPosition(value: unknown): value is Position {
  return typeof value === "object" && value !== null && typeof (value as Position).offset === "number" && typeof (value as Position).line === "number" && typeof (value as Position).column === "number";
}

/**
 * A summary with its key. The summary shares its positions with the checked program, which the
 * next incremental check of the document moves in place: it is replaced by that check's summary
 * before it is read again, and the key is a snapshot of it as it is now.
 */
function keyed(summary: FileSummary): { summary: FileSummary; key: string; identity: string } {
  // A position is written `{"offset":…,"line":…,"column":…}`; a string value cannot hold `"offset":` unescaped.
  const key = JSON.stringify(summary).replace(/"offset":\d+,/g, "");
  return { summary, key, identity: key.replace(/"line":\d+,"column":\d+/g, "") };
}

/** What a change of an open document's summary asks of the project's findings. */
export type ProjectUpdate =
  /** Nothing: they are as they were (moved with the text where only offsets moved). */
  | "none"
  /** They changed: show them again now. */
  | "now"
  /**
   * Only lines and columns moved, in a file that has none of the findings: it still has none, and
   * the others' can only quote its places (a rule naming a declaration's line): make them again
   * when the typing pauses, not at each line break.
   */
  | "later";

/** The offset of each line and column a summary has a position at. */
function offsetsOf(summary: FileSummary): Map<string, number> {
  const out = new Map<string, number>();
  const visit = (value: unknown): void => {
    if (isPosition(value)) out.set(`${value.line}:${value.column}`, value.offset);
    else if (Array.isArray(value)) for (const v of value) visit(v);
    else if (typeof value === "object" && value !== null) for (const v of Object.values(value)) visit(v);
  };
  visit(summary);
  return out;
}

/**
 * Findings made from a summary whose lines and columns are `summary`'s, with `summary`'s offsets
 * (their fixes' edits too); undefined if one of their positions is not one of its.
 */
function relocated(findings: ProjectFindings, summary: FileSummary): ProjectFindings | undefined {
  const offsets = offsetsOf(summary);
  let missing = false;
  const copy = (value: unknown): unknown => {
    if (isPosition(value)) {
      const offset = offsets.get(`${value.line}:${value.column}`);
      if (offset === undefined) missing = true;
      return { ...value, offset: offset ?? value.offset };
    }
    if (Array.isArray(value)) return value.map(copy);
    if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]));
    return value;
  };
  const out = copy(findings) as ProjectFindings;
  return missing ? undefined : out;
}

const NO_FINDINGS: ProjectFindings = { findings: [], refinements: [] };

function isEmpty(findings: ProjectFindings): boolean {
  return findings.findings.length === 0 && findings.refinements.length === 0;
}

export class WorkspaceProject {
  private readonly members = new Map<string, Member>();
  /** Each member's findings, as last computed (undefined: to be computed). */
  private findings: Map<string, { findings: ProjectFindings; from: FileSummary }> | undefined;
  /** The settings of each member, until a config or the settings change. */
  private readonly options = new Map<string, CheckOptions>();
  private folders: readonly string[] = [];
  private realFolders: readonly string[] = [];
  private generation = 0;
  /** Whether each path asked about is in the project, until a config changes or a scan runs. */
  private readonly included = new Map<string, boolean>();

  constructor(private readonly host: ProjectHost) {}

  setFolders(folders: readonly string[]): void {
    this.folders = folders;
    this.realFolders = folders.map((f) => realPath(f) ?? f);
    this.included.clear();
  }

  /** Settings or configs changed: the project rules' severities may have, the findings with them, and what a config ignores. */
  settingsChanged(): void {
    this.options.clear();
    this.included.clear();
    this.findings = undefined;
  }

  /** The real path of each path asked about (a file reached by two paths is one file), until the next scan. */
  private readonly realPaths = new Map<string, string>();

  private keyOf(path: string): string {
    let real = this.realPaths.get(path);
    if (real === undefined) this.realPaths.set(path, (real = realPath(path) ?? path));
    return real;
  }

  /**
   * Whether the walk of a workspace folder would find `path`: inside a folder, a `.b24layout` file
   * and no dot-file, under no dot-folder, node_modules or symbolic link, not ignored by its config.
   * Without folders every file is in.
   */
  includes(path: string): boolean {
    let known = this.included.get(path);
    if (known === undefined) this.included.set(path, (known = this.walkFinds(path)));
    return known;
  }

  private walkFinds(path: string): boolean {
    if (!path.endsWith(SOURCE_EXTENSION)) return false;
    if (this.folders.length === 0) return true;
    for (const [i, folder] of this.folders.entries()) {
      for (const root of new Set([folder, this.realFolders[i]!])) {
        const rel = relative(root, path);
        if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) continue;
        const parts = rel.split(sep);
        if (parts.some((p) => p.startsWith(".") || p === "node_modules")) return false;
        // The walk follows no link: neither a linked folder on the way nor a linked file.
        let at = root;
        for (const part of parts) {
          at = `${at}${sep}${part}`;
          try {
            if (lstatSync(at).isSymbolicLink()) return false;
          } catch {
            // Not on disk (a document not saved yet): nothing to follow.
            break;
          }
        }
        return !this.host.isIgnored(path);
      }
    }
    return false;
  }

  /** An open document's summary, after each check of it (it leaves the project when the walk would not find it). */
  updateOpen(path: string, summary: FileSummary): ProjectUpdate {
    if (!this.includes(path)) return this.remove(path) ? "now" : "none";
    const key = this.keyOf(path);
    const copy = keyed(summary);
    const member = this.members.get(key);
    const same = member?.open === true && member.path === path;
    if (same && member.key === copy.key) {
      // Only offsets moved: the findings stay, moved to them when asked for (withFindings).
      member.summary = copy.summary;
      return "none";
    }
    const made = this.findings?.get(key);
    this.members.set(key, { path, ...copy, open: true });
    if (same && member.identity === copy.identity && made !== undefined && isEmpty(made.findings)) {
      made.from = copy.summary;
      return "later";
    }
    this.findings = undefined;
    return "now";
  }

  /** The findings are made again at the next question (after a "later" update). */
  invalidate(): void {
    this.findings = undefined;
  }

  /** A document was closed: the file counts as it is on disk (if it is there and in the project). */
  closeDocument(path: string): boolean {
    const key = this.keyOf(path);
    const member = this.members.get(key);
    if (!member?.open) return false;
    this.members.delete(key);
    this.findings = undefined;
    if (this.includes(path)) this.readMember(key, path, undefined);
    return true;
  }

  private remove(path: string): boolean {
    const removed = this.members.delete(this.keyOf(path));
    if (removed) this.findings = undefined;
    return removed;
  }

  /** Reads and summarizes a file from disk; false when it cannot be read (it is then no member). */
  private readMember(key: string, path: string, before: Member | undefined): boolean {
    const stamp = stampOf(path);
    if (before && before.stamp !== undefined && before.stamp === stamp) return true;
    const text = stamp === undefined ? undefined : this.host.readFile(path);
    if (text === undefined) {
      if (this.members.delete(key)) this.findings = undefined;
      return false;
    }
    const hash = hashOf(text);
    if (before?.hash === hash) {
      before.stamp = stamp!;
      return true;
    }
    let summary: FileSummary;
    try {
      summary = this.host.summarize(path, text);
    } catch (error) {
      this.host.log(`b24layout: internal error while checking ${path} for the project: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return false;
    }
    this.members.set(key, { path, ...keyed(summary), open: false, stamp: stamp!, hash });
    this.findings = undefined;
    return true;
  }

  /**
   * Walks the workspace folders again and brings the members up to date: new files are read, files
   * whose text changed are checked again, files gone (or now ignored) leave. Works in slices, so the
   * server answers requests meanwhile; a newer scan ends an older one. Resolves with whether
   * anything changed.
   */
  async scan(): Promise<boolean> {
    const generation = ++this.generation;
    this.included.clear();
    this.realPaths.clear();
    let found: string[] = [];
    for (const folder of this.folders) {
      try {
        found.push(...(await glob(`**/*${SOURCE_EXTENSION}`, { ...WALK, cwd: folder })));
      } catch (error) {
        this.host.log(`b24layout: cannot walk the workspace folder ${folder}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (generation !== this.generation) return false;
    found = [...new Set(found)].sort();
    const before = this.findings;
    let changed = false;
    const seen = new Set<string>();
    let slice = performance.now();
    for (const path of found) {
      if (performance.now() - slice > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        if (generation !== this.generation) return changed;
        slice = performance.now();
      }
      if (this.host.isIgnored(path)) continue;
      const key = this.keyOf(path);
      if (seen.has(key)) continue;
      seen.add(key);
      const member = this.members.get(key);
      if (member?.open) continue;
      const had = member?.key;
      this.readMember(key, path, member);
      if (this.members.get(key)?.key !== had) changed = true;
    }
    for (const [key, member] of this.members) {
      // An open document stays in while it is in the project, saved or not.
      if (member.open ? this.includes(member.path) : seen.has(key)) continue;
      this.members.delete(key);
      changed = true;
    }
    if (changed || before === undefined) this.findings = undefined;
    return changed;
  }

  /** Each member's project findings (computed when a summary changed), with the summary they were made from. */
  private current(): Map<string, { findings: ProjectFindings; from: FileSummary }> {
    if (this.findings) return this.findings;
    const members = [...this.members.entries()].sort(([, a], [, b]) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const findings = new Map<string, { findings: ProjectFindings; from: FileSummary }>();
    try {
      const results = checkProjectFiles(members.map(([key, m]) => ({ path: m.path, display: this.host.display(m.path), summary: m.summary, options: this.optionsOf(m.path), realPath: key })));
      members.forEach(([key, m], i) => findings.set(key, { findings: results[i]!, from: m.summary }));
    } catch (error) {
      this.host.log(`b24layout: internal error in the project check: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    this.findings = findings;
    return findings;
  }

  /** A member's project findings at its summary's offsets. */
  private findingsOf(key: string, member: Member): ProjectFindings {
    const made = this.current().get(key);
    if (!made || isEmpty(made.findings) || made.from === member.summary) return made?.findings ?? NO_FINDINGS;
    const moved = relocated(made.findings, member.summary);
    if (moved) {
      this.findings!.set(key, { findings: moved, from: member.summary });
      return moved;
    }
    // A position the findings have is not the summary's: made again.
    this.findings = undefined;
    return this.current().get(key)?.findings ?? NO_FINDINGS;
  }

  private optionsOf(path: string): CheckOptions {
    let options = this.options.get(path);
    if (!options) this.options.set(path, (options = this.host.optionsFor(path)));
    return options;
  }

  /** A document's diagnostics with the project's findings in it (its own alone when it is not in the project). */
  withFindings(path: string, diagnostics: readonly Diagnostic[]): readonly Diagnostic[] {
    const key = this.keyOf(path);
    const member = this.members.get(key);
    if (!member) return diagnostics;
    return withProjectFindings(diagnostics, this.findingsOf(key, member), member.summary);
  }

  /**
   * What to show on each file that is not open: its project findings (suppressions applied), by
   * the path it is known by. Files with none are listed with none, so that earlier ones are cleared.
   */
  closedFindings(): Map<string, Diagnostic[]> {
    const out = new Map<string, Diagnostic[]>();
    for (const [key, member] of this.members) {
      if (member.open) continue;
      out.set(member.path, withProjectFindings([], this.findingsOf(key, member), member.summary));
    }
    return out;
  }

  /** The declarations of `keyword` of the project's files other than `path` (for completion to offer them with their import). */
  declarationsOutside(path: string, keyword: string): { path: string; name: string }[] {
    const own = this.keyOf(path);
    const out: { path: string; name: string }[] = [];
    for (const [key, member] of this.members) {
      if (key === own) continue;
      for (const d of member.summary.declarations) if (d.keyword === keyword) out.push({ path: member.path, name: d.name });
    }
    return out;
  }

  /** How many files the project has (for the log). */
  get size(): number {
    return this.members.size;
  }
}
