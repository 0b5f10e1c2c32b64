/**
 * Conditions and repetition on every kind of member the issue names: footer buttons, menu items,
 * card sections and card elements (blocks and tags are covered in templates.test.ts), rendered to
 * JSON and by the generated TypeScript alike.
 */
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { check, compile } from "../../src/index.js";
import { emitTypeScriptModule } from "../../src/emit/typescript.js";
import { typesModule } from "../../src/emit/ts-types.js";
import { typeCheck } from "../support/typescript.js";

const SOURCE = `card c(extra: string[] = [], showPhone: bool = true) for contact {
  main: section "Main" {
    NAME always
    when $showPhone {
      PHONE always { defaultCountry "GB" }
    }
    each f in $extra {
      field "\${f}" always
    }
  }
}

layout l(items: string[] = [], more: bool = false) {
  icon call
  header "T"
  body {
    logo call-incoming
    text "x"
  }
  footer {
    when $more {
      b: button primary "More" -> restEvent "more"
    }
    menu {
      each it in $items {
        i: item "\${it}" -> restEvent "\${it}"
      }
    }
  }
}
`;

const ARGS = { c: { extra: ["UF_CRM_A", "UF_CRM_B"], showPhone: false }, l: { items: ["x", "y"], more: true } };

describe("members under when and each", () => {
  it("checks with only the menu's run-time limit warning", () => {
    expect(check(SOURCE).diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.ruleId}`)).toEqual(["25:7 runtime-limit"]);
  });

  it("renders elements named by a value, a conditional element, a conditional button and repeated menu items", () => {
    const out = compile(SOURCE, { params: ARGS });
    expect(out.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(JSON.parse(JSON.stringify(out.outputs.map((o) => o.value)))).toEqual([
      {
        entityTypeId: 3,
        data: [
          {
            name: "main",
            title: "Main",
            type: "section",
            elements: [
              { name: "NAME", optionFlags: 1 },
              { name: "UF_CRM_A", optionFlags: 1 },
              { name: "UF_CRM_B", optionFlags: 1 },
            ],
          },
        ],
      },
      {
        icon: { code: "call" },
        header: { title: "T" },
        body: { logo: { code: "call-incoming" }, blocks: { block_1: { type: "text", properties: { value: "x" } } } },
        footer: {
          buttons: { b: { title: "More", type: "primary", action: { type: "restEvent", id: "more" } } },
          menu: { items: { i_1: { title: "x", action: { type: "restEvent", id: "x" } }, i_2: { title: "y", action: { type: "restEvent", id: "y" } } } },
        },
      },
    ]);
  });

  it("generates TypeScript that type-checks and returns the same JSON", async () => {
    const module = emitTypeScriptModule(check(SOURCE).program, { source: "m.b24layout" });
    expect(typeCheck({ "b24layout-types.ts": typesModule(), "m.ts": module })).toEqual([]);
    const js = ts.transpileModule(module, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    const mod = (await import(`data:text/javascript,${encodeURIComponent(js)}`)) as Record<string, (p: unknown) => unknown>;
    const rendered = compile(SOURCE, { params: ARGS }).outputs;
    expect(JSON.parse(JSON.stringify([mod["c"]!(ARGS.c), mod["l"]!(ARGS.l)]))).toEqual(JSON.parse(JSON.stringify(rendered.map((o) => o.value))));
  });
});
