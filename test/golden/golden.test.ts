/**
 * Golden twins: every corpus example the compiler can produce has a `.b24layout` twin here, named
 * after the corpus file, whose compiled output deep-equals the corpus JSON (or the part of it the
 * twin reproduces). `corpus/` holds verbatim copies of the shared corpus files
 * (`spec/corpus/*.json`) so that the test runs anywhere.
 *
 * Docs quirks are written literally (`showPostponeItem "false"`), so the output still matches and
 * the checker reports them: each row lists the findings it must give, no more and no fewer.
 * Examples that are invalid on purpose list their errors; for them `compile` writes nothing, and
 * the test emits the checked program directly to show that the twin is still faithful.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkProject, compile, getRule } from "../../src/index.js";
import type { Diagnostic, Severity } from "../../src/index.js";
import { emitProgram, type Json } from "../../src/emit/json.js";

const HERE = dirname(fileURLToPath(import.meta.url));

/** A finding the checker must report for a twin. */
interface ExpectedFinding {
  readonly rule: string;
  readonly severity: Severity;
  /** The line of the twin the finding starts on. */
  readonly line: number;
}

interface GoldenCase {
  /** The corpus file, without `.json`. */
  readonly corpus: string;
  /** The twin, without `.b24layout`; the corpus name when absent. */
  readonly twin?: string;
  /** Dotted path of the part of the corpus file the twin reproduces; the whole file when absent. */
  readonly corpusPath?: string;
  /** Dotted path of that part in the compiled output; the whole payload when absent. */
  readonly outputPath?: string;
  /** Every finding the checker gives for the twin (the docs quirks it reproduces). */
  readonly expected: readonly ExpectedFinding[];
}

const warning = (rule: string, line: number): ExpectedFinding => ({ rule, severity: "warning", line });
const error = (rule: string, line: number): ExpectedFinding => ({ rule, severity: "error", line });

const STRING_BOOLEAN = "string-boolean";
/** A number the server takes as a string (optionFlags "1", as get returns it). */
const VALUE_TYPE = "value-type";
/** The examples' badge "CUSTOM" is not declared next to them: it must exist on the portal. */
const UNKNOWN_BADGE = "unknown-badge-code";

const CASES: readonly GoldenCase[] = [
  // ----- LayoutDto -----
  { corpus: "layout-object-example", expected: [warning(STRING_BOOLEAN, 20)] },
  { corpus: "layout-examples-text", expected: [] },
  { corpus: "layout-examples-card-with-fields", expected: [] },
  { corpus: "layout-examples-multilanguage-de-en", expected: [] },
  { corpus: "layout-activity-configurable-add", expected: [] },

  // ----- LayoutDto fragments, compared inside a minimal declaration -----
  { corpus: "header-dto-example", outputPath: "header", expected: [] },
  { corpus: "icon-dto-example", corpusPath: "icon", outputPath: "icon", expected: [] },
  { corpus: "body-dto-example-empty-blocks", outputPath: "body", expected: [warning("collection-limit", 7)] },
  { corpus: "footer-button-dto-example", outputPath: "footer.buttons.openDeal", expected: [] },
  { corpus: "menu-item-dto-example", outputPath: "footer.menu.items.confirmProcess", expected: [] },
  { corpus: "action-redirect-example", outputPath: "blocks.open.properties.action", expected: [] },
  { corpus: "action-rest-event-example", outputPath: "footer.buttons.reset.action", expected: [] },
  { corpus: "action-open-rest-app-example", outputPath: "footer.buttons.open.action", expected: [] },
  { corpus: "content-block-link", outputPath: "blocks.link", expected: [] },
  { corpus: "content-block-with-title-text", outputPath: "blocks.heading", expected: [] },
  { corpus: "content-block-line-of-blocks", outputPath: "blocks.line", expected: [] },
  { corpus: "content-block-deadline", outputPath: "blocks.deadline", expected: [] },
  { corpus: "text-with-translation-de-en", outputPath: "footer.buttons.save.title", expected: [] },
  { corpus: "text-with-translation-ru-en", outputPath: "footer.buttons.save.title", expected: [] },

  // ----- RestAppLayoutDto -----
  { corpus: "rest-app-layout-dto-example", expected: [] },
  { corpus: "rest-app-layout-timeline-blocks-set", expected: [] },
  { corpus: "timeline-layout-blocks-set-request", twin: "rest-app-layout-timeline-blocks-set", corpusPath: "layout", expected: [] },
  { corpus: "activity-layout-blocks-get-response", corpusPath: "layout", expected: [] },

  // ----- Badges -----
  { corpus: "badge-add-request", expected: [] },
  { corpus: "badge-add-response", twin: "badge-add-request", corpusPath: "result.badge", expected: [] },
  { corpus: "badge-translation-de-en", outputPath: "title", expected: [] },

  // ----- Activities -----
  {
    corpus: "activity-configurable-add-request",
    // The docs' placeholder deadline is not a date-time; "N" is a string where a boolean is expected;
    // the activity is added completed, so its badge is removed at once.
    expected: [error("value-format", 10), warning(STRING_BOOLEAN, 12), warning(UNKNOWN_BADGE, 14), warning("badge-on-completed", 14)],
  },
  {
    corpus: "activity-configurable-update-request-rev2",
    // An incoming activity ("Y", a string boolean) with a deadline: INCOMING_ACTIVITY_CAN_NOT_BE_WITH_DEADLINE.
    expected: [error("incoming-with-deadline", 7), warning(STRING_BOOLEAN, 9), warning(UNKNOWN_BADGE, 11)],
  },
  { corpus: "activity-configurable-update-request-fields-only", expected: [warning(UNKNOWN_BADGE, 9)] },

  // ----- Card configuration -----
  { corpus: "item-details-configuration-set-contact", expected: [] },
  { corpus: "item-details-configuration-set-contact-data", twin: "item-details-configuration-set-contact", outputPath: "data", expected: [] },
  { corpus: "lead-details-configuration-set", expected: [] },
  { corpus: "lead-details-configuration-set-data", twin: "lead-details-configuration-set", outputPath: "data", expected: [] },
  { corpus: "deal-details-configuration-set", expected: [] },
  { corpus: "deal-details-configuration-set-data", twin: "deal-details-configuration-set", outputPath: "data", expected: [] },
  // get responses fed back to set: optionFlags stay the strings "0"/"1" the server returns. set
  // keeps numeric values, so it accepts them, but it takes integers (spec §14.2): the checker warns
  // about each, as about the docs' string booleans, and --fix writes the number.
  { corpus: "item-details-configuration-get-response-deal-data", outputPath: "data", expected: [warning(VALUE_TYPE, 7), warning(VALUE_TYPE, 8), warning(VALUE_TYPE, 9), warning(VALUE_TYPE, 10), warning(VALUE_TYPE, 11), warning(VALUE_TYPE, 12), warning(VALUE_TYPE, 15), warning(VALUE_TYPE, 16), warning(VALUE_TYPE, 17), warning(VALUE_TYPE, 18), warning(VALUE_TYPE, 19), warning(VALUE_TYPE, 20), warning(VALUE_TYPE, 21), warning(VALUE_TYPE, 22), warning(VALUE_TYPE, 23), warning(VALUE_TYPE, 26), warning(VALUE_TYPE, 29)] },
  {
    corpus: "item-details-configuration-get-response-deal",
    twin: "item-details-configuration-get-response-deal-data",
    corpusPath: "result",
    outputPath: "data",
    expected: [warning(VALUE_TYPE, 7), warning(VALUE_TYPE, 8), warning(VALUE_TYPE, 9), warning(VALUE_TYPE, 10), warning(VALUE_TYPE, 11), warning(VALUE_TYPE, 12), warning(VALUE_TYPE, 15), warning(VALUE_TYPE, 16), warning(VALUE_TYPE, 17), warning(VALUE_TYPE, 18), warning(VALUE_TYPE, 19), warning(VALUE_TYPE, 20), warning(VALUE_TYPE, 21), warning(VALUE_TYPE, 22), warning(VALUE_TYPE, 23), warning(VALUE_TYPE, 26), warning(VALUE_TYPE, 29)],
  },
  { corpus: "contact-details-configuration-get-response", corpusPath: "result", outputPath: "data", expected: [warning(VALUE_TYPE, 5), warning(VALUE_TYPE, 6), warning(VALUE_TYPE, 7), warning(VALUE_TYPE, 8), warning(VALUE_TYPE, 9), warning(VALUE_TYPE, 10), warning(VALUE_TYPE, 11), warning(VALUE_TYPE, 14), warning(VALUE_TYPE, 15), warning(VALUE_TYPE, 16), warning(VALUE_TYPE, 17), warning(VALUE_TYPE, 18)] },
  { corpus: "lead-details-configuration-get-response", corpusPath: "result", outputPath: "data", expected: [warning(VALUE_TYPE, 5), warning(VALUE_TYPE, 6), warning(VALUE_TYPE, 7), warning(VALUE_TYPE, 10), warning(VALUE_TYPE, 11)] },
];

function readTwin(c: GoldenCase): string {
  return readFileSync(join(HERE, `${c.twin ?? c.corpus}.b24layout`), "utf8");
}

function readCorpus(c: GoldenCase): Json {
  return JSON.parse(readFileSync(join(HERE, "corpus", `${c.corpus}.json`), "utf8")) as Json;
}

/** The value at a dotted path (`body.blocks.x`); the value itself for an empty path. */
function at(value: Json, path: string | undefined, what: string): Json {
  let current = value;
  for (const key of path ? path.split(".") : []) {
    if (current === null || typeof current !== "object" || Array.isArray(current) || !(key in current)) {
      throw new Error(`${what} has nothing at '${path}' (missing '${key}').`);
    }
    current = current[key]!;
  }
  return current;
}

/** Both sides through JSON text, so prototype-less objects compare like parsed ones. */
function roundTrip(value: Json): unknown {
  return JSON.parse(JSON.stringify(value));
}

function findingKey(line: number, rule: string, severity: string): string {
  return `line ${line}: ${rule} (${severity})`;
}

describe("golden twins reproduce the corpus", () => {
  it.each(CASES.map((c) => [c.corpus, c] as const))("%s", (_name, c) => {
    const text = readTwin(c);
    // As `b24layout check <twin>` checks it: a project of one file (unknown-badge-code is a project rule).
    const [checked] = checkProject([{ path: `${c.twin ?? c.corpus}.b24layout`, text }]);
    if (!checked) throw new Error("no result");
    expect(checked.program.declarations).toHaveLength(1);

    // Faithful: the emitted payload equals the corpus, whatever the checker thinks of it.
    const [emitted] = emitProgram(checked.program);
    expect(roundTrip(at(emitted!.value, c.outputPath, "the output"))).toStrictEqual(roundTrip(at(readCorpus(c), c.corpusPath, c.corpus)));

    // Exactly the expected findings: rule, severity and line, no more and no fewer.
    const reported = checked.diagnostics.map((d) => findingKey(d.range.start.line, d.ruleId, d.severity));
    const expected = c.expected.map((f) => findingKey(f.line, f.rule, f.severity));
    expect(reported.sort(), describeAll(checked.diagnostics)).toEqual(expected.sort());

    // `compile` writes the payload exactly when there is no error.
    const compiled = compile(text);
    if (c.expected.some((f) => f.severity === "error")) {
      expect(compiled.outputs).toEqual([]);
    } else {
      expect(compiled.outputs).toHaveLength(1);
      expect(roundTrip(compiled.outputs[0]!.value)).toStrictEqual(roundTrip(emitted!.value));
    }
  });

  it("names only registered rules", () => {
    const unknown = CASES.flatMap((c) => c.expected.map((f) => f.rule)).filter((id) => getRule(id) === undefined);
    expect(unknown).toEqual([]);
  });
});

function describeAll(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.severity} ${d.ruleId}: ${d.message}`).join("\n");
}
