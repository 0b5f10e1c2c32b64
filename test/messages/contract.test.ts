/**
 * The typed contract between the rules and their reporters (src/messages/catalogue.ts,
 * src/check/rule.ts): a report names one of its rule's own message ids and gives a value for every
 * placeholder of its template, or it does not compile. The `@ts-expect-error` lines are checked by
 * `npm run typecheck` (tsc fails on a directive that has no error to expect), so each asserts that
 * the line after it does not compile; the runtime tests check the values behind the types.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import { defineRule, type Report } from "../../src/check/rule.js";
import { defineMessages, problemOf, type MessageData, type Placeholders, type ProblemReporter } from "../../src/messages/catalogue.js";
import { INVALID_ARGUMENT, UNKNOWN_PROPERTY, type TEMPLATE_ARGUMENTS } from "../../src/messages/index.js";
import type { Range } from "../../src/syntax/ast.js";

const RANGE: Range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } };

describe("placeholders of a template, as formatMessage fills them", () => {
  it("are the words in braces; braces around anything else are text", () => {
    expectTypeOf<Placeholders<"'{name}' is {type}, not {type}.">>().toEqualTypeOf<"name" | "type">();
    expectTypeOf<Placeholders<"'{keyword}' needs a name: {keyword} <name> { … }.">>().toEqualTypeOf<"keyword">();
    // `${{path}}` is "$", the placeholder `path`, "}".
    expectTypeOf<Placeholders<'interpolate it ("${{path}}")'>>().toEqualTypeOf<"path">();
    expectTypeOf<Placeholders<"No placeholders { here }.">>().toEqualTypeOf<never>();
    expectTypeOf<Placeholders<string>>().toEqualTypeOf<never>();
  });
});

describe("lowering's reporter (ProblemReporter)", () => {
  const problems: ReturnType<typeof problemOf>[] = [];
  const problem: ProblemReporter = (rule, messageId, data, range, replacement) => problems.push(problemOf(rule, messageId, data, range, replacement));

  it("takes a message of the rule with a value for each placeholder, and records the rule's id", () => {
    problem(INVALID_ARGUMENT, "noAction", { what: "'use'" }, RANGE);
    expect(problems.at(-1)).toEqual({ ruleId: "invalid-argument", messageId: "noAction", data: { what: "'use'" }, range: RANGE });
  });

  it("rejects a message id the rule does not have, and a missing placeholder, at compile time", () => {
    const typeErrors = () => {
      // @ts-expect-error -- `noActions` is not a message of invalid-argument.
      problem(INVALID_ARGUMENT, "noActions", { what: "'use'" }, RANGE);
      // @ts-expect-error -- `lookAlikeStatement` is unknown-property's, not invalid-argument's.
      problem(INVALID_ARGUMENT, "lookAlikeStatement", { name: "x", where: "y", member: "z", lookAlike: "w" }, RANGE);
      // @ts-expect-error -- "'{keyword}' needs a name: …" needs `keyword`.
      problem(INVALID_ARGUMENT, "declarationName", { name: "layout" }, RANGE);
      // @ts-expect-error -- "Unknown statement '{name}' in {where}." needs `where`.
      problem(UNKNOWN_PROPERTY, "unknownStatement", { name: "x" }, RANGE);
    };
    expect(typeErrors).toBeTypeOf("function");
  });

  it("takes one of several messages with the placeholders all of them have", () => {
    const suggestion: string | undefined = "lineOfBlocks";
    problem(UNKNOWN_PROPERTY, suggestion ? "unknownStatementSuggest" : "unknownStatement", { name: "lineOfBlock", where: "a body", suggestion }, RANGE, suggestion);
    expect(problems.at(-1)).toMatchObject({ ruleId: "unknown-property", messageId: "unknownStatementSuggest", replacement: "lineOfBlocks" });
    const typeErrors = () => {
      // @ts-expect-error -- both messages need `where`.
      problem(UNKNOWN_PROPERTY, suggestion ? "unknownStatementSuggest" : "unknownStatement", { name: "lineOfBlock" }, RANGE);
    };
    expect(typeErrors).toBeTypeOf("function");
  });

  it("types the data of a message by its template", () => {
    expectTypeOf<MessageData<typeof TEMPLATE_ARGUMENTS.messages, "badValues">>().toHaveProperty("problems");
    expectTypeOf<MessageData<typeof TEMPLATE_ARGUMENTS.messages, "badValues">>().toHaveProperty("name");
  });
});

describe("a rule's reports (defineRule)", () => {
  const rule = defineRule({
    meta: {
      id: "contract-example",
      description: "An example.",
      why: "An example.",
      severity: "error",
      spec: "—",
      messages: { tooLong: "'{name}' is longer than {max} characters.", empty: { text: "The value is empty.", severity: "warning" } },
    },
    create(context) {
      return {
        declaration(declaration) {
          context.report({ messageId: "tooLong", data: { name: declaration.name, max: 10 }, range: declaration.nameRange });
          // A message without placeholders needs no data.
          context.report({ messageId: "empty", range: declaration.nameRange });
          if (declaration.name === "") return;
          // @ts-expect-error -- `tooShort` is not a message of the rule.
          context.report({ messageId: "tooShort", data: { name: declaration.name, max: 10 }, range: declaration.nameRange });
          // @ts-expect-error -- "'{name}' is longer than {max} characters." needs `max`.
          context.report({ messageId: "tooLong", data: { name: declaration.name }, range: declaration.nameRange });
          // @ts-expect-error -- and data at all.
          context.report({ messageId: "tooLong", range: declaration.nameRange });
        },
      };
    },
  });

  it("keeps the message ids in the rule's type, for tests and tools that read them", () => {
    expectTypeOf<keyof typeof rule.meta.messages>().toEqualTypeOf<"tooLong" | "empty">();
    expectTypeOf<Report<typeof rule.meta.messages, "tooLong">["messageId"]>().toEqualTypeOf<"tooLong">();
    expect(Object.keys(rule.meta.messages)).toEqual(["tooLong", "empty"]);
  });

  it("shares a catalogue's messages with the reporters outside the rule", () => {
    const catalogue = defineMessages("contract-example", { gone: "'{name}' is gone." });
    expect(catalogue).toEqual({ ruleId: "contract-example", messages: { gone: "'{name}' is gone." } });
    expectTypeOf(catalogue.ruleId).toEqualTypeOf<"contract-example">();
  });
});
