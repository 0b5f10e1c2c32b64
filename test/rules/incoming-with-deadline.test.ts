import { describe, expect, it } from "vitest";
import { findings, type Finding } from "../helpers.js";

const ID = "incoming-with-deadline";
const MESSAGE =
  "An incoming activity cannot have a deadline: the server answers INCOMING_ACTIVITY_CAN_NOT_BE_WITH_DEADLINE (\"Incoming activity cannot have a deadline\"). Remove 'deadline' or set 'isIncomingChannel' to false.";
/** An update activity: `isIncomingChannel` on line 3, `deadline` on line 4 (value from column 12). */
const activity = (incoming: string, deadline = '"2025-01-01T10:00:00+03:00"') =>
  `activity a {\n  id 42\n  isIncomingChannel${incoming === "" ? "" : ` ${incoming}`}\n  deadline ${deadline}\n}\n`;
const at = (to: string): Finding[] => [{ ruleId: ID, severity: "error", message: MESSAGE, at: "4:12", to }];

describe(ID, () => {
  it.each<[string, string, Finding[]]>([
    ["true", activity("true"), at("4:39")],
    ["the bare flag", activity(""), at("4:39")],
    ['"Y"', activity('"Y"'), at("4:39")],
    ['"y"', activity('"y"'), at("4:39")],
    ["1", activity("1"), at("4:39")],
    ['"1"', activity('"1"'), at("4:39")],
    ['"true"', activity('"true"'), at("4:39")],
    ["with a deadline the server does not parse", activity("true", '"tomorrow"'), at("4:22")],
  ])("reports isIncomingChannel %s with a deadline", (_name, code, expected) => {
    expect(findings(code, ID)).toEqual(expected);
  });

  it.each<[string, string]>([
    ["false", activity("false")],
    ['"N"', activity('"N"')],
    ["0", activity("0")],
    ['"TRUE", which the server reads as false', activity('"TRUE"')],
    ['"yes", which the server rejects as a value', activity('"yes"')],
    ["an empty deadline, which the server ignores", activity("true", '""')],
    ['a deadline of "0", empty to PHP', activity("true", '"0"')],
    ["no deadline", 'activity a {\n  id 42\n  isIncomingChannel true\n}\n'],
  ])("accepts isIncomingChannel %s", (_name, code) => {
    expect(findings(code, ID)).toEqual([]);
  });

});
