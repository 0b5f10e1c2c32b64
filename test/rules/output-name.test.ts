/** output-name, a project rule: what `build` would write under one name for two declarations or files. */
import { RuleTester, ruleById, span } from "../support/rule-tester.js";

const ruleTester = new RuleTester();
const badge = (title: string) => `badge missed {\n  code "missed"\n  title "${title}"\n  value "Missed"\n  type failure\n}\n`;
const blocks = (name: string, text = "a") => `blocks ${name} {\n  text "${text}"\n}\n`;

ruleTester.run(ruleById("output-name"), {
  valid: [
    { name: "one file alone", code: blocks("callRow") },
    {
      name: "badges of their own names in files of their own names",
      path: "calls/call-badges.b24layout",
      code: 'badge missedCall {\n  code "missedCall"\n  title "Call"\n  value "Missed"\n  type failure\n}\n',
      files: [{ path: "chats/chat-badges.b24layout", code: 'badge missedChat {\n  code "missedChat"\n  title "Chat"\n  value "Missed"\n  type failure\n}\n' }],
    },
  ],
  invalid: [
    {
      name: "two badges of one name in two files of one name, in both files",
      path: "calls/badges.b24layout",
      code: badge("Call"),
      files: [{ path: "chats/badges.b24layout", code: badge("Chat") }],
      errors: [
        {
          messageId: "sameOutput",
          message: "'missed' is also the badge declared in chats/badges.b24layout: both would be written to 'missed.badge.json'. Give each declaration its own name.",
          severity: "error",
          ...span("1:7", "1:13"),
          related: [{ message: "the badge 'missed'", path: "chats/badges.b24layout", ...span("1:7", "1:13") }],
        },
        {
          messageId: "sameModule",
          message: "This file and chats/badges.b24layout have the same name: build --target ts would write both to 'badges.ts' (--target js to 'badges.js'). Rename one of the files.",
          severity: "error",
          ...span("1:7", "1:13"),
        },
        {
          path: "chats/badges.b24layout",
          messageId: "sameOutput",
          data: { name: "missed", keyword: "badge", otherFiles: "calls/badges.b24layout", file: "missed.badge.json" },
          ...span("1:7", "1:13"),
          related: [{ message: "the badge 'missed'", path: "calls/badges.b24layout", line: 1, column: 7 }],
        },
        { path: "chats/badges.b24layout", messageId: "sameModule", severity: "error", ...span("1:7", "1:13") },
      ],
    },
    {
      name: "one name in three files: each finding names the other two files, and links to both declarations",
      code: blocks("row"),
      files: [
        { path: "b.b24layout", code: `\n${blocks("row")}` },
        { path: "c.b24layout", code: blocks("row") },
      ],
      errors: [
        {
          messageId: "sameOutput",
          message: "'row' is also the blocks declared in b.b24layout and c.b24layout: both would be written to 'row.blocks.json'. Give each declaration its own name.",
          ...span("1:8", "1:11"),
          related: [
            { message: "the blocks 'row'", path: "b.b24layout", ...span("2:8", "2:11") },
            { message: "the blocks 'row'", path: "c.b24layout", ...span("1:8", "1:11") },
          ],
        },
        { path: "b.b24layout", messageId: "sameOutput", ...span("2:8", "2:11"), related: [{ path: "a.b24layout", line: 1, column: 8 }, { path: "c.b24layout", line: 1, column: 8 }] },
        { path: "c.b24layout", messageId: "sameOutput", ...span("1:8", "1:11"), related: [{ path: "a.b24layout", line: 1, column: 8 }, { path: "b.b24layout", line: 2, column: 8 }] },
      ],
    },
    {
      name: "two names that are one TypeScript function",
      code: `${blocks("call-row")}${blocks("callRow", "b")}`,
      errors: [
        {
          messageId: "functionName",
          message: "'callRow' and the blocks 'call-row' would both be the function 'callRow' of the TypeScript module. Rename one of them.",
          severity: "error",
          ...span("4:8", "4:15"),
          related: [{ message: "the blocks 'call-row'", ...span("1:8", "1:16") }],
        },
      ],
    },
    {
      name: "names that differ only in case, a warning in both files",
      code: blocks("callrow"),
      files: [{ path: "b.b24layout", code: blocks("callRow", "b") }],
      errors: [
        {
          messageId: "caseOnly",
          message: "'callrow' differs from the blocks 'callRow' declared in b.b24layout only in case: on case-insensitive file systems (Windows, macOS) both are written to 'callrow.blocks.json'.",
          severity: "warning",
          ...span("1:8", "1:15"),
          related: [{ message: "the blocks 'callRow'", path: "b.b24layout", ...span("1:8", "1:15") }],
        },
        { path: "b.b24layout", messageId: "caseOnly", severity: "warning", ...span("1:8", "1:15"), related: [{ message: "the blocks 'callrow'", path: "a.b24layout", line: 1, column: 8 }] },
      ],
    },
    {
      name: "two kinds of one name, which build --stdout prints under one key",
      code: blocks("x"),
      files: [{ path: "b.b24layout", code: 'layout x {\n  icon info\n  header "T"\n  body { logo document; text "x" }\n}\n' }],
      errors: [
        {
          messageId: "sameKey",
          message: "'x' is also the name of the layout declared in b.b24layout: build --stdout would print both under the key 'x'. Give each declaration its own name.",
          severity: "error",
          ...span("1:8", "1:9"),
          related: [{ message: "the layout 'x'", path: "b.b24layout", ...span("1:8", "1:9") }],
        },
        { path: "b.b24layout", messageId: "sameKey", severity: "error", ...span("1:8", "1:9"), related: [{ message: "the blocks 'x'", path: "a.b24layout", line: 1, column: 8 }] },
      ],
    },
    {
      name: "a file whose module TypeScript reads as a declaration file",
      path: "x.d.b24layout",
      code: blocks("b"),
      errors: [
        {
          messageId: "declarationFile",
          message: "build --target ts writes this file to 'x.d.ts', which TypeScript reads as a declaration file, without code. Rename the file, for example to 'x-d.b24layout'.",
          severity: "error",
          ...span("1:8", "1:9"),
        },
      ],
    },
    {
      name: "a name Windows keeps for a device",
      code: blocks("con"),
      errors: [
        {
          messageId: "windowsName",
          message: "'con.blocks.json', the file 'con' is written to, cannot be created on Windows, where 'con' names a device. Rename the declaration to build it there.",
          severity: "warning",
          ...span("1:8", "1:11"),
        },
      ],
    },
  ],
});
