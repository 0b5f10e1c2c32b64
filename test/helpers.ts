/** Helpers shared by the tests. */
import { check } from "../src/index.js";
import type { Diagnostic, Position } from "../src/diagnostic.js";

/** A diagnostic reduced to what rule tests assert: id, severity, message and exact position. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: string;
  readonly message: string;
  /** `line:column` of the start (1-based). */
  readonly at: string;
  /** `line:column` of the end (exclusive). */
  readonly to: string;
  /** The places it speaks of (Diagnostic.related), each as `message line:column`; absent when none. */
  readonly related?: readonly string[];
}

export function toFinding(d: Diagnostic): Finding {
  return {
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    at: `${d.range.start.line}:${d.range.start.column}`,
    to: `${d.range.end.line}:${d.range.end.column}`,
    ...(d.related?.length ? { related: d.related.map((r) => `${r.message} ${r.file === undefined ? "" : `${r.file}:`}${r.range.start.line}:${r.range.start.column}`) } : {}),
  };
}

/** Every finding of `ruleId` for `code`. */
export function findings(code: string, ruleId: string): Finding[] {
  return check(code)
    .diagnostics.filter((d) => d.ruleId === ruleId)
    .map(toFinding);
}

/** Every finding for `code`, any rule. */
export function allFindings(code: string): Finding[] {
  return check(code).diagnostics.map(toFinding);
}

/** Wraps blocks in a minimal valid layout. Lines of the blocks start at line 6. */
export function inLayoutBody(blocks: string): string {
  return `layout l {\n  icon info\n  header "T"\n  body {\n    logo document\n${blocks}\n  }\n}\n`;
}

/** Line and column of `offset`, recomputed naively (CRLF, CR and LF each end a line): an oracle for the positions the code computes. */
export function expectedPosition(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}
