import { defineRule } from "../rule.js";

/**
 * Two declarations or files that `build` would write under one name: the same JSON file or
 * `--stdout` key from two files, the same TypeScript module from two files, the same function in
 * one module (spec §1: one output per declaration). Reported by the project check
 * (src/check/project.ts), which sees every file of a run; this is its metadata.
 */
export default defineRule({
  meta: {
    id: "output-name",
    description: "Require everything `build` writes to have a name of its own: each declaration's JSON file and `--stdout` key across the files of a run, each file's TypeScript module, and each declaration's function.",
    why: "Each declaration is written to `<name>.<kind>.json` (spec §1), printed under its name by `build --stdout`, and becomes a function of its file's module `<file>.ts`. Two declarations or files with one output name would overwrite each other (and two functions of one name would not compile), so `build` refuses them and writes nothing; this rule says so at `check`, at the declarations, in every file involved. Two of its messages are warnings, as `build` writes what they report and only some systems cannot hold it: declaration names that differ only in case collide on case-insensitive file systems (Windows, macOS), and a declaration named like a Windows device (`con`, `nul`) cannot be written on Windows. File names that differ only in case are errors: TypeScript refuses their modules everywhere. Two declarations of one name in one file are duplicate-declaration's.",
    severity: "error",
    appliesTo: ["b24layout"],
    phase: "project",
    spec: "§1",
    messages: {
      sameOutput: "'{name}' is also the {keyword} declared at {other}: both would be written to '{file}'. Give each declaration its own name.",
      sameKey: "'{name}' is also the name of the {otherKeyword} declared at {other}: build --stdout would print both under the key '{name}'. Give each declaration its own name.",
      caseOnly: {
        text: "'{name}' differs from the {otherKeyword} '{otherName}' declared at {other} only in case: on case-insensitive file systems (Windows, macOS) both are written to '{file}'.",
        severity: "warning",
      },
      sameModule: "This file and {other} have the same name: build --target ts would write both to '{module}.ts' (--target js to '{module}.js'). Rename one of the files.",
      moduleCaseOnly:
        "This file's name differs from that of {other} only in case: build --target ts would write '{module}.ts' and '{otherModule}.ts' into one folder, which TypeScript refuses (file names that differ only in casing) and case-insensitive file systems (Windows, macOS) cannot hold. Rename one of the files.",
      typesModule: "build --target ts writes this file to '{module}.ts', which is the name of the types module it writes beside the modules. Rename the file.",
      declarationFile: "build --target ts writes this file to '{module}.ts', which TypeScript reads as a declaration file, without code. Rename the file, for example to '{suggestion}.b24layout'.",
      windowsName: {
        text: "'{file}', the file '{name}' is written to, cannot be created on Windows, where '{device}' names a device. Rename the declaration to build it there.",
        severity: "warning",
      },
      functionName: "'{name}' and the {otherKeyword} '{otherName}' would both be the function '{fn}' of the TypeScript module. Rename one of them.",
    },
    examples: {
      incorrect: [
        {
          path: "calls/badges.b24layout",
          code: 'badge missed {\n  code "missed"\n  title "Call"\n  value "Missed"\n  type failure\n}\n',
          files: [{ path: "chats/badges.b24layout", code: 'badge missed {\n  code "missed"\n  title "Chat"\n  value "Missed"\n  type failure\n}\n' }],
          note: "Both badges would be written to `missed.badge.json`, and both files to the module `badges.ts`.",
        },
        {
          code: 'blocks call-row {\n  text "a"\n}\nblocks callRow {\n  text "b"\n}\n',
          note: "Both would be the function `callRow`.",
        },
      ],
      correct: [
        {
          path: "calls/call-badges.b24layout",
          code: 'badge missedCall {\n  code "missedCall"\n  title "Call"\n  value "Missed"\n  type failure\n}\n',
          files: [{ path: "chats/chat-badges.b24layout", code: 'badge missedChat {\n  code "missedChat"\n  title "Chat"\n  value "Missed"\n  type failure\n}\n' }],
        },
      ],
    },
  },
  create: () => ({}),
});
