/**
 * The editor's project (src/lsp/project.ts) in-process: which files the walk of a workspace folder
 * takes in, as `b24layout check <folder>` does, and the project's findings of an open document
 * moved with its text when only offsets changed (no line or column of its summary did).
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../src/index.js";
import { summarize } from "../../src/check/project.js";
import { WorkspaceProject, type ProjectHost } from "../../src/lsp/project.js";
import { scratch } from "../cli/fixtures.js";

const host = (overrides: Partial<ProjectHost> = {}): ProjectHost => ({
  isIgnored: () => false,
  optionsFor: () => ({}),
  readFile: () => undefined,
  summarize: (_path, text) => {
    const r = check(text);
    return summarize(r.program, r.document);
  },
  display: (path) => path.replace(/^.*\//, ""),
  log: (message) => {
    throw new Error(message);
  },
  ...overrides,
});

const summaryOf = (text: string) => {
  const r = check(text);
  return summarize(r.program, r.document);
};

describe("the files of the project", () => {
  it("are those the walk of a folder finds: no dot-file or dot-folder, node_modules, symbolic link or ignored file", () => {
    const dir = scratch({ "a.b24layout": "", "real/r.b24layout": "", "gen/g.b24layout": "" });
    mkdirSync(join(dir, ".hidden"));
    symlinkSync(join(dir, "real"), join(dir, "linked"));
    symlinkSync(join(dir, "a.b24layout"), join(dir, "link.b24layout"));
    const project = new WorkspaceProject(host({ isIgnored: (path) => path.includes("/gen/") }));
    project.setFolders([dir]);
    const included = (name: string) => project.includes(join(dir, name));
    expect(["a.b24layout", "real/r.b24layout", "new/not-saved.b24layout"].map(included)).toEqual([true, true, true]);
    expect(["linked/r.b24layout", "link.b24layout", ".hidden/h.b24layout", ".dot.b24layout", "node_modules/p/n.b24layout", "gen/g.b24layout", "a.json"].map(included)).toEqual([false, false, false, false, false, false, false]);
    expect(project.includes("/elsewhere/x.b24layout")).toBe(false);
  });

  it("are the open documents when there is no workspace folder", () => {
    const project = new WorkspaceProject(host());
    expect(project.includes("/anywhere/x.b24layout")).toBe(true);
  });

  it("are read from disk by a scan, and left when they are gone", async () => {
    const dir = scratch({ "a.b24layout": 'badge same warning { title "t"; value "v" }\n', "b.b24layout": 'badge same warning { title "t"; value "v" }\n' });
    const reads: string[] = [];
    const project = new WorkspaceProject(
      host({
        readFile: (path) => {
          reads.push(path.replace(/^.*\//, ""));
          return readFileSync(path, "utf8");
        },
      }),
    );
    project.setFolders([dir]);
    expect(await project.scan()).toBe(true);
    expect(project.size).toBe(2);
    expect([...project.closedFindings().values()].map((ds) => ds.map((d) => d.ruleId))).toEqual([["output-name"], ["output-name"]]);
    // Unchanged files are not read again.
    expect(await project.scan()).toBe(false);
    expect(reads).toEqual(["a.b24layout", "b.b24layout"]);
    writeFileSync(join(dir, "b.b24layout"), 'badge other warning { title "t"; value "v" }\n');
    expect(await project.scan()).toBe(true);
    expect([...project.closedFindings().values()].map((ds) => ds.map((d) => d.ruleId))).toEqual([[], []]);
  });
});

describe("an open document's findings", () => {
  it("move to its new offsets when only offsets changed (a character typed on a line above)", () => {
    const project = new WorkspaceProject(host());
    const other = 'badge same warning { title "t"; value "v" }\n';
    const text = `badge first warning { title "T"; value "v" }\n${other}`;
    project.updateOpen("/w/b.b24layout", summaryOf(other));
    project.updateOpen("/w/a.b24layout", summaryOf(text));
    const before = project.withFindings("/w/a.b24layout", []);
    expect(before.map((d) => [d.ruleId, d.range.start.line, d.range.start.column, d.range.start.offset])).toEqual([["output-name", 2, 7, 51]]);
    // `"T"` → `"xT"` on line 1: the finding stays at 2:7, its offset is 52 now.
    expect(project.updateOpen("/w/a.b24layout", summaryOf(text.replace('"T"', '"xT"')))).toBe("none");
    const after = project.withFindings("/w/a.b24layout", []);
    expect(after.map((d) => [d.ruleId, d.range.start.line, d.range.start.column, d.range.start.offset, d.range.end.offset])).toEqual([["output-name", 2, 7, 52, 56]]);
    // A new line above moves its line: the findings are made again, at once (the file has some).
    expect(project.updateOpen("/w/a.b24layout", summaryOf(`\n${text}`))).toBe("now");
    expect(project.withFindings("/w/a.b24layout", []).map((d) => [d.range.start.line, d.range.start.offset])).toEqual([[3, 52]]);
  });

  it("are none still when a file without findings only moved lines; a new name is looked at at once", () => {
    const project = new WorkspaceProject(host());
    const text = 'badge mine warning { title "T"; value "v" }\n';
    project.updateOpen("/w/b.b24layout", summaryOf('badge other warning { title "t"; value "v" }\n'));
    expect(project.updateOpen("/w/a.b24layout", summaryOf(text))).toBe("now");
    expect(project.withFindings("/w/a.b24layout", [])).toEqual([]);
    // Its declarations moved down a line: the other files' findings can wait for a pause in typing.
    expect(project.updateOpen("/w/a.b24layout", summaryOf(`\n${text}`))).toBe("later");
    expect(project.withFindings("/w/a.b24layout", [])).toEqual([]);
    expect(project.updateOpen("/w/a.b24layout", summaryOf(`\n${text.replace("mine", "other")}`))).toBe("now");
    expect(project.withFindings("/w/a.b24layout", []).map((d) => [d.ruleId, d.range.start.line])).toEqual([["output-name", 2]]);
  });
});
