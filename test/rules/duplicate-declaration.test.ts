import { describe } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";

const ruleTester = new RuleTester();
const ID = "duplicate-declaration";
const BLOCKS = (name: string) => `blocks ${name} {\n  text "x"\n}\n`;
const BADGE = (name: string) => `badge ${name} failure {\n  title "T"\n  value "V"\n}\n`;

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "two declarations of one kind",
        BLOCKS("extra") + BLOCKS("extra"),
        [{ ruleId: ID, severity: "error", message: "Duplicate blocks 'extra': both would be written to 'extra.blocks.json'.", at: "4:8", to: "4:13", related: ["first defined 1:8"] }],
      ],
      [
        "three declarations of one kind: every repetition",
        BADGE("missed") + BADGE("missed") + BADGE("missed"),
        [
          { ruleId: ID, severity: "error", message: "Duplicate badge 'missed': both would be written to 'missed.badge.json'.", at: "5:7", to: "5:13", related: ["first defined 1:7"] },
          { ruleId: ID, severity: "error", message: "Duplicate badge 'missed': both would be written to 'missed.badge.json'.", at: "9:7", to: "9:13", related: ["first defined 1:7"] },
        ],
      ],
      [
        "one name for declarations of two kinds",
        BADGE("missed") + BLOCKS("missed"),
        [{ ruleId: ID, severity: "error", message: "'missed' is already the name of a badge; give each declaration its own name.", at: "5:8", to: "5:14", related: ["first defined 1:7"] }],
      ],
      [
        "names of one kind that differ only in case (a warning)",
        BLOCKS("extra") + BLOCKS("Extra"),
        [
          {
            ruleId: ID,
            severity: "warning",
            message: "'Extra' differs from the blocks 'extra' only in case; on case-insensitive file systems (Windows, macOS) both are written to 'Extra.blocks.json'.",
            at: "4:8",
            to: "4:13",
            related: ["the blocks 'extra' 1:8"],
          },
        ],
      ],
    ]),
  });

  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["distinct names", BLOCKS("a") + BLOCKS("b") + BADGE("c")],
      ["names of two kinds that differ in case", BLOCKS("extra") + BADGE("Extra")],
      ["badges whose codes differ, one from its name", BADGE("a") + 'badge b failure {\n  code "c"\n  title "T"\n  value "V"\n}\n'],
    ]),
    invalid: [],
  });

  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "a badge whose code is another badge's name (spec §8: codes are unique)",
        BADGE("missed") + 'badge missedAgain warning {\n  code "missed"\n  title "T"\n  value "V"\n}\n',
        [
          {
            ruleId: ID,
            severity: "error",
            message: "The badge 'missedAgain' has the code 'missed' of the badge 'missed': a badge's code is unique on the portal, so crm.activity.badge.add cannot add both.",
            at: "6:8",
            to: "6:16",
            related: ["the badge 'missed' 1:7"],
          },
        ],
      ],
      [
        "two badges with one written code",
        'badge a failure {\n  code "x"\n  title "T"\n  value "V"\n}\nbadge b failure {\n  code "x"\n  title "T"\n  value "V"\n}\n',
        [
          {
            ruleId: ID,
            severity: "error",
            message: "The badge 'b' has the code 'x' of the badge 'a': a badge's code is unique on the portal, so crm.activity.badge.add cannot add both.",
            at: "7:8",
            to: "7:11",
            related: ["the badge 'a' 1:7"],
          },
        ],
      ],
    ]),
  });

  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: [
      {
        name: "a badge whose code a badge of another file has (the project check): that badge is a related location",
        code: BADGE("missed"),
        files: [{ path: "more/badges.b24layout", code: `\nbadge missedAgain warning {\n  code "missed"\n  title "T"\n  value "V"\n}\n` }],
        errors: [
          {
            path: "more/badges.b24layout",
            messageId: "sameCodeElsewhere",
            message: "The badge 'missedAgain' has the code 'missed' of the badge 'missed' declared in a.b24layout: a badge's code is unique on the portal, so crm.activity.badge.add cannot add both.",
            line: 2,
            column: 7,
            endLine: 2,
            endColumn: 18,
            related: [{ message: "the badge 'missed'", path: "a.b24layout", line: 1, column: 7, endLine: 1, endColumn: 13 }],
          },
        ],
      },
    ],
  });
});
