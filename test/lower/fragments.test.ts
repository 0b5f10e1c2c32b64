/**
 * Fragments: `fragment name(params) { members }` and `use name { param: value }`. A use lowers the
 * fragment's members where it stands, so they are checked in that context and rendered with the
 * values given; the JSON rendering and the generated TypeScript agree.
 */
import { describe, expect, it } from "vitest";
import ts from "typescript";
import { check, compile } from "../../src/index.js";
import { emitTypeScriptModule } from "../../src/emit/typescript.js";
import { typesModule } from "../../src/emit/ts-types.js";
import { allFindings, type Finding } from "../helpers.js";
import { typeCheck } from "../support/typescript.js";

const CLIENT = `fragment clientInfo(name: string, phone?: string, vip: bool = false) {
  client: withTitle "Client" inline { text "\${name}" }
  when $phone {
    phone: text "\${phone}"
  }
  when $vip {
    vip: text "VIP" bold
  }
}
`;

/** CLIENT (9 lines), then a blocks declaration whose members start on line 11. */
const using = (members: string, params = "(clientName: string, tel?: string)") => `${CLIENT}blocks b${params} {\n${members}\n}\n`;

const err = (ruleId: string, message: string, at: string, to: string, related?: string[]): Finding => ({ ruleId, severity: "error", message, at, to, ...(related ? { related } : {}) });

describe("fragments", () => {
  it.each<[string, string, Finding[]]>([
    ["a use with a $reference and a literal", using('  use clientInfo { name: $clientName, phone: "+49 1" }'), []],
    ["an optional parameter given an optional reference: given inside `when $phone`", using("  use clientInfo { name: $clientName, phone: $tel }"), []],
    ["a fragment declared after its use", `blocks b {\n  use f\n}\nfragment f {\n  text "x"\n}\n`, []],
    ["a fragment using another", `fragment a {\n  use b\n}\nfragment b {\n  text "x"\n}\nblocks c {\n  use a\n}\n`, []],
    [
      "an unknown fragment, with a suggestion",
      using('  use clientInf\n  text "x"'),
      [err("template-structure", "Unknown fragment 'clientInf': no fragment declaration in this file has that name. Did you mean 'clientInfo'?", "11:7", "11:16")],
    ],
    [
      "a missing required value",
      using("  use clientInfo"),
      [err("template-structure", "Fragment 'clientInfo' needs values for 'name'.", "11:7", "11:17")],
    ],
    [
      "a value for a parameter the fragment does not have",
      using('  use clientInfo { name: "x", phon: "1" }'),
      [err("template-structure", "Fragment 'clientInfo' has no parameter 'phon'. Did you mean 'phone'?", "11:31", "11:35")],
    ],
    [
      "a value of the wrong type",
      using('  use clientInfo { name: "x", vip: "yes" }'),
      [err("template-type", "The value given for 'vip' is \"yes\", but the fragment's parameter is bool.", "11:36", "11:41")],
    ],
    [
      "a reference of the wrong type",
      using("  use clientInfo { name: $count }", "(count: int)"),
      [err("template-type", "The value given for 'name' is int, but the fragment's parameter is string.", "11:26", "11:32")],
    ],
    [
      "a fragment that uses itself",
      `fragment a {\n  use b\n}\nfragment b {\n  use a\n}\nblocks c {\n  use a\n  text "x"\n}\n`,
      [err("template-structure", "Fragment 'a' uses itself (a → b → a): its members would never end.", "5:7", "5:8")],
    ],
    [
      "a fragment declared twice",
      `fragment a {\n  text "x"\n}\nfragment a {\n  text "y"\n}\nblocks c {\n  use a\n}\n`,
      [err("template-structure", "Fragment 'a' is already declared in this file.", "4:10", "4:11", ["first declared 1:10"])],
    ],
    [
      "a withTitle from a fragment inside lineOfBlocks: checked where it is used",
      using('  line: lineOfBlocks {\n    use clientInfo { name: "x" }\n  }'),
      [err("block-nesting", "A withTitle block cannot be placed in a lineOfBlocks block: only text, link or deadline blocks are allowed in its 'blocks'.", "2:11", "2:20")],
    ],
    [
      "the caller's parameters are not in the fragment's scope",
      `fragment f {\n  text "\${clientName}"\n}\nblocks b(clientName: string) {\n  use f\n}\n`,
      [err("unknown-parameter", "'$clientName' refers to a parameter, but 'f' has none: declare it after the name (fragment f(clientName: string) { … }), or write \\${ for a literal '${'.", "2:9", "2:22")],
    ],
  ])("%s", (_name, code, expected) => {
    expect(allFindings(code)).toEqual(expected);
  });

  it("suggests the fragment name a misspelt one is close to (never a fix)", () => {
    const d = check(using('  use clientInf\n  text "x"')).diagnostics[0];
    expect(d?.fix).toBeUndefined();
    expect(d?.suggestions?.map((s) => s.edits.map((e) => e.newText))).toEqual([["clientInfo"]]);
  });

  it("renders the members with the values given: literals fold, references stay the caller's", () => {
    // The second use repeats the labels of the first: a fragment with labels is used once per collection.
    const code = `${CLIENT}blocks b(clientName: string, tel?: string) {\n  use clientInfo { name: $clientName, phone: $tel }\n}\nblocks c {\n  use clientInfo { name: "Ann", vip: true }\n}\n`;
    const out = compile(code, { params: { b: { clientName: "Bob", tel: "+49 1" } } });
    expect(out.diagnostics).toEqual([]);
    expect(JSON.parse(JSON.stringify(out.outputs.map((o) => o.value)))).toEqual([
      {
        blocks: {
          client: { type: "withTitle", properties: { title: "Client", block: { type: "text", properties: { value: "Bob" } }, inline: true } },
          phone: { type: "text", properties: { value: "+49 1" } },
        },
      },
      {
        blocks: {
          client: { type: "withTitle", properties: { title: "Client", block: { type: "text", properties: { value: "Ann" } }, inline: true } },
          vip: { type: "text", properties: { value: "VIP", bold: true } },
        },
      },
    ]);
  });

  it("generates TypeScript without a test for what the literals decide, that type-checks and returns the same JSON", async () => {
    const code = `${CLIENT}blocks b(clientName: string, tel?: string) {\n  use clientInfo { name: $clientName, phone: $tel }\n}\nblocks c {\n  use clientInfo { name: "Ann", vip: true }\n}\n`;
    const program = check(code).program;
    const module = emitTypeScriptModule(program, { source: "f.b24layout" });
    expect(module).toContain("if (tel !== undefined) {");
    expect(module).not.toMatch(/if \((true|false)\)/);
    expect(typeCheck({ "b24layout-types.ts": typesModule(), "f.ts": module })).toEqual([]);

    const js = ts.transpileModule(module, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    const mod = (await import(`data:text/javascript,${encodeURIComponent(js)}`)) as Record<string, (p?: unknown) => unknown>;
    for (const args of [{ clientName: "Bob", tel: "+49 1" }, { clientName: "Eve" }]) {
      const rendered = compile(code, { params: { b: args } }).outputs[0]!.value;
      expect(JSON.parse(JSON.stringify(mod["b"]!(args)))).toEqual(JSON.parse(JSON.stringify(rendered)));
    }
    expect(JSON.parse(JSON.stringify(mod["c"]!()))).toEqual(JSON.parse(JSON.stringify(compile(code, { params: { b: { clientName: "x" } } }).outputs[1]!.value)));
  });
});
