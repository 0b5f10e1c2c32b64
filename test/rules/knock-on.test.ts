/**
 * One mistake, one finding: a misspelt word or statement is reported with its did-you-mean, and
 * what it stands for is not reported missing (or its value unexpected) before or after it.
 */
import { describe, expect, it } from "vitest";
import { allFindings, inLayoutBody, type Finding } from "../helpers.js";

const error = (ruleId: string, message: string, at: string, to: string): Finding => ({ ruleId, severity: "error", message, at, to });
const header = (tags: string) => inLayoutBody('    text "x"').replace('header "T"', `header "T" {\n${tags}\n  }`);

describe("no knock-on findings", () => {
  it.each<[string, string, Finding[]]>([
    [
      "a misspelt tag colour: the enum's did-you-mean, not a missing 'type'",
      header('    tag warnign "x"'),
      [error("enum-value", "'warnign' is not a valid 'type' for a tag; expected warning, success, failure, primary or secondary. Did you mean 'warning'? The server answers \"The value of type in TagDto is incorrect.\"", "4:9", "4:16")],
    ],
    [
      "a misspelt button type",
      inLayoutBody('    text "x"').replace("  }\n}\n", '  }\n  footer {\n    button primari "B" -> restEvent "b"\n  }\n}\n'),
      [error("enum-value", "'primari' is not a valid 'type' for a footer button; expected primary or secondary. Did you mean 'primary'? The server answers \"The value of type in FooterButtonDto is incorrect.\"", "9:12", "9:19")],
    ],
    [
      "a misspelt badge type",
      'badge b failur {\n  title "a"\n  value "b"\n}\n',
      [error("enum-value", "'failur' is not a valid 'type' for a badge; expected warning, success, failure, primary or secondary. Did you mean 'failure'? The server answers \"Wrong value of field `type`\"", "1:9", "1:15")],
    ],
    [
      "a misspelt required statement: not also a missing 'header'",
      'layout l {\n  icon info\n  heder "T"\n  body {\n    logo document\n    text "x"\n  }\n}\n',
      [error("unknown-property", "Unknown statement 'heder' in a layout. Did you mean 'header'?", "3:3", "3:8")],
    ],
    [
      "a misspelt block in a withTitle: not also a missing 'block'",
      inLayoutBody('    withTitle "T" { txet "a" }'),
      [error("unknown-property", "Unknown statement 'txet' in a withTitle block. Did you mean 'text'?", "6:21", "6:25")],
    ],
    [
      "the only block misspelt: not also too few blocks",
      inLayoutBody('    txet "a"'),
      [error("unknown-property", "Unknown statement 'txet' in a body. Did you mean 'text'?", "6:5", "6:9")],
    ],
    [
      "a misspelt card section: not also a missing or empty 'data'",
      'card d for contact {\n  main: sektion "M" { NAME }\n}\n',
      [error("unknown-property", "Unknown statement 'sektion' in a card. Did you mean 'section'?", "2:9", "2:16")],
    ],
    [
      "a misspelt activity owner: not also an activity without a target",
      'activity a {\n  ownerTypId deal\n  ownerId 1\n  layout {\n    icon info\n    header "T"\n    body {\n      logo document\n      text "x"\n    }\n  }\n}\n',
      [error("unknown-property", "Unknown statement 'ownerTypId' in an activity. Did you mean 'ownerTypeId'?", "2:3", "2:13")],
    ],
    [
      "a misspelt keyword: its value is not unexpected, nor its field missing",
      'card c fro contact {\n  main: section "M" { NAME }\n}\n',
      [error("invalid-argument", "Unexpected word 'fro' in a card. Did you mean 'for'?", "1:8", "1:11")],
    ],
    [
      "a misspelt keyword of an action",
      inLayoutBody('    link "a" -> redirect uir "/x"'),
      [error("invalid-argument", "Unexpected word 'uir' in an action. Did you mean 'uri'?", "6:26", "6:29")],
    ],
    [
      "a misspelt flag with its value: the value is not unexpected",
      inLayoutBody('    text "a" bolt true'),
      [error("invalid-argument", "Unexpected word 'bolt' in a text block. Did you mean 'bold'?", "6:14", "6:18")],
    ],
    [
      "a field the block does not have, with its value: one finding",
      inLayoutBody('    largeText "a" bold true'),
      [error("unknown-property", "Unknown field 'bold' in a largeText block: it has no such field.", "6:19", "6:23")],
    ],
    [
      "a misspelt action type: its value is not unexpected",
      inLayoutBody('    link "a" -> redirekt "/x"'),
      [error("enum-value", "'redirekt' is not a valid 'type' for an action; expected redirect, restEvent or openRestApp. Did you mean 'redirect'? The server answers \"The value of type in ActionDto is incorrect.\"", "6:17", "6:25")],
    ],
  ])("%s", (_name, code, expected) => {
    expect(allFindings(code)).toEqual(expected);
  });

  it("still reports a field missing when nothing stands for it", () => {
    expect(allFindings('layout l {\n  icon info\n  body {\n    logo document\n    text "x"\n  }\n}\n')).toEqual([
      error("required-field", "Layout 'l' is missing required 'header'; the server answers \"Field header is required for LayoutDto.\"", "1:8", "1:9"),
    ]);
    expect(allFindings(header('    tag "x"'))).toEqual([error("required-field", "This tag is missing required 'type'; the server answers \"Field type is required for TagDto.\"", "4:5", "4:12")]);
  });

  it("still reports a word that is close to nothing, and a second enum word where one is already set", () => {
    expect(allFindings(header('    tag warning zzz "x"'))).toEqual([error("invalid-argument", "Unexpected word 'zzz' in a tag.", "4:17", "4:20")]);
    expect(allFindings(header('    tag warning warnign "x"'))).toEqual([error("invalid-argument", "Unexpected word 'warnign' in a tag. Did you mean 'warning'?", "4:17", "4:24")]);
  });
});
