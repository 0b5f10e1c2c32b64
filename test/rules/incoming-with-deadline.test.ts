import { describe } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { type Finding } from "../helpers.js";

const ruleTester = new RuleTester();
const ID = "incoming-with-deadline";
const MESSAGE =
  "An incoming activity cannot have a deadline: the server answers INCOMING_ACTIVITY_CAN_NOT_BE_WITH_DEADLINE (\"Incoming activity cannot have a deadline\"). Remove 'deadline' or set 'isIncomingChannel' to false.";
/** An update activity: `isIncomingChannel` on line 3, `deadline` on line 4 (value from column 12). */
const activity = (incoming: string, deadline = '"2025-01-01T10:00:00+03:00"') =>
  `activity a {\n  id 42\n  isIncomingChannel${incoming === "" ? "" : ` ${incoming}`}\n  deadline ${deadline}\n}\n`;
const at = (to: string): Finding[] => [{ ruleId: ID, severity: "error", message: MESSAGE, at: "4:12", to }];

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      ["true", activity("true"), at("4:39")],
      ["the bare flag", activity(""), at("4:39")],
      ['"Y"', activity('"Y"'), at("4:39")],
      ['"y"', activity('"y"'), at("4:39")],
      ["1", activity("1"), at("4:39")],
      ['"1"', activity('"1"'), at("4:39")],
      ['"true"', activity('"true"'), at("4:39")],
      ["with a deadline the server does not parse", activity("true", '"tomorrow"'), at("4:22")],
    ]),
  });

  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["false", activity("false")],
      ['"N"', activity('"N"')],
      ["0", activity("0")],
      ['"TRUE", which the server reads as false', activity('"TRUE"')],
      ['"yes", which the server rejects as a value', activity('"yes"')],
      ["an empty deadline, which the server ignores", activity("true", '""')],
      ['a deadline of "0", empty to PHP', activity("true", '"0"')],
      ["no deadline", 'activity a {\n  id 42\n  isIncomingChannel true\n}\n'],
    ]),
    invalid: [],
  });

  describe("deadline blocks an activity does not show (spec §4.6)", () => {
    const LAYOUT = 'layout card {\n  icon info\n  header "Call"\n  body {\n    logo document\n    row: lineOfBlocks { text "Due"; deadline }\n  }\n}\n';
    const add = (fields: string, layout = "card") => `${LAYOUT}activity a {\n  ownerTypeId deal; ownerId 1\n${fields}  layout ${layout}\n}\n`;
    const inline = 'layout {\n    icon info; header "x"\n    body { logo document; withTitle "Due" { deadline } }\n  }';

    ruleTester.run(ruleById(ID), {
      valid: [],
      invalid: invalidRows([
        [
          "of a named layout in an incoming activity, at the name",
          add("  isIncomingChannel true\n"),
          [{ ruleId: ID, severity: "warning", message: "Activity 'a' is incoming (incoming activities have no deadline), so the deadline block of its layout is not shown.", at: "12:10", to: "12:14", related: ["the deadline block 6:37"] }],
        ],
        [
          "of an activity added without a deadline",
          add(""),
          [{ ruleId: ID, severity: "warning", message: "Activity 'a' is added without a deadline, so the deadline block of its layout is not shown.", at: "11:10", to: "11:14", related: ["the deadline block 6:37"] }],
        ],
        [
          "of a layout of its own, at the block",
          add("  isIncomingChannel true\n", inline),
          [{ ruleId: ID, severity: "warning", message: "Activity 'a' is incoming (incoming activities have no deadline), so the deadline block of its layout is not shown.", at: "14:45", to: "14:53" }],
        ],
      ]),
    });

    ruleTester.run(ruleById(ID), {
      valid: validRows([
        ["an add with a deadline", add('  deadline "2025-01-01T10:00:00+03:00"\n')],
        ["an update, which keeps its deadline", 'activity a {\n  id 5\n  layout {\n    icon info; header "x"\n    body { logo document; deadline }\n  }\n}\n'],
        ["a layout without a deadline block", 'activity a {\n  ownerTypeId deal; ownerId 1\n  isIncomingChannel true\n  layout {\n    icon info; header "x"\n    body { logo document; text "x" }\n  }\n}\n'],
      ]),
      invalid: [],
    });
  });

});
