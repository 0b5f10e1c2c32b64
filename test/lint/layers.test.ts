/**
 * The layers of src/ are kept by lint (eslint.layers.js, applied in eslint.config.js): these run
 * ESLint with the same rules on a small project in a temporary folder, laid out as src/ is, and
 * check that an upward import, an import past a folder's index.ts and a cycle are reported, and
 * that a downward import is not.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ESLint, type Linter } from "eslint";
import tseslint from "typescript-eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

interface LayersModule {
  readonly LAYERS: readonly string[];
  readonly BEHIND_INDEX: readonly string[];
  layerConfig(options: { root: string; files?: string[] }): Linter.Config;
}

const FILES: Record<string, string> = {
  "tsconfig.json": JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", strict: true }, include: ["src"] }),
  "src/cli/main.ts": 'export const VERSION = "1";\n',
  "src/cli/index.ts": 'export { VERSION } from "./main.js";\n',
  // Upward: model is below cli. A type-only import counts too.
  "src/model/upward.ts": 'import { VERSION } from "../cli/index.js";\nexport const shown = VERSION;\n',
  "src/model/upward-type.ts": 'import type { Shown } from "../lsp/index.js";\nexport type Again = Shown;\n',
  "src/model/index.ts": 'export { shown } from "./upward.js";\n',
  "src/lsp/types.ts": "export type Shown = string;\n",
  "src/lsp/index.ts": 'export type { Shown } from "./types.js";\n',
  // Downward: cli may use model, through its index.
  "src/cli/uses-model.ts": 'import { shown } from "../model/index.js";\nexport const again = shown;\n',
  // A module a folder lets others import besides its index (OTHER_FACES).
  "src/lsp/heap.ts": "export const FLAGS = [];\n",
  "src/cli/loader.ts": 'import { FLAGS } from "../lsp/heap.js";\nexport const flags = FLAGS;\n',
  // Past model's index.ts, statically and by a dynamic import.
  "src/cli/deep-model.ts": 'import { shown } from "../model/upward.js";\nexport const again = shown;\nexport const later = () => import("../model/upward.js");\n',
  // src/import is reached only through its index.ts.
  "src/import/inner.ts": "export const inner = 1;\n",
  "src/import/index.ts": 'export { inner } from "./inner.js";\n',
  "src/cli/deep.ts": 'import { inner } from "../import/inner.js";\nexport const deep = inner;\n',
  "src/cli/through-index.ts": 'import { inner } from "../import/index.js";\nexport const shallow = inner;\n',
  // A cycle inside one layer.
  "src/lower/first.ts": 'import { second } from "./second.js";\nexport const first = () => second();\n',
  "src/lower/second.ts": 'import { first } from "./first.js";\nexport const second = () => first;\n',
};

let root: string;
let eslint: ESLint;
let layers: LayersModule;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "b24layout-layers-"));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  layers = (await import(pathToFileURL(resolve(import.meta.dirname, "../../eslint.layers.js")).href)) as LayersModule;
  eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [{ files: ["**/*.ts"], languageOptions: { parser: tseslint.parser } }, layers.layerConfig({ root })],
  });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function messagesOf(path: string): Promise<{ ruleId: string | null; message: string; line: number; column: number }[]> {
  const [result] = await eslint.lintFiles([join(root, path)]);
  return result!.messages.map(({ ruleId, message, line, column }) => ({ ruleId, message, line, column }));
}

describe("the layer rules", () => {
  it("list every folder and root module of src/ once", async () => {
    const { readdirSync } = await import("node:fs");
    const inSrc = readdirSync(resolve(import.meta.dirname, "../../src")).map((name) => `src/${name}`);
    expect([...layers.LAYERS].sort()).toEqual(inSrc.sort());
  });

  it("report an import from a layer above", async () => {
    expect(await messagesOf("src/model/upward.ts")).toEqual([
      {
        ruleId: "import-x/no-restricted-paths",
        message:
          'Unexpected path "../cli/index.js" imported in restricted zone. A module in src/model imports only from its own layer and the layers below it (listed bottom to top in eslint.layers.js and docs/development.md).',
        line: 1,
        column: 25,
      },
    ]);
  });

  it("report a type-only import from a layer above", async () => {
    const messages = await messagesOf("src/model/upward-type.ts");
    expect(messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([["import-x/no-restricted-paths", 1, 28]]);
    expect(messages[0]!.message).toContain('"../lsp/index.js"');
  });

  it("accept an import from a layer below", async () => {
    expect(await messagesOf("src/cli/uses-model.ts")).toEqual([]);
  });

  it("report an import that goes past a folder's index.ts, and accept one through it", async () => {
    expect(await messagesOf("src/cli/deep.ts")).toEqual([
      {
        ruleId: "import-x/no-restricted-paths",
        message: 'Unexpected path "../import/inner.js" imported in restricted zone. Import src/import through its index.ts, its public face.',
        line: 1,
        column: 23,
      },
    ]);
    expect(await messagesOf("src/cli/through-index.ts")).toEqual([]);
  });

  it("keep every folder behind its index.ts, for a static and a dynamic import alike", async () => {
    expect(layers.BEHIND_INDEX).toEqual(layers.LAYERS.filter((l) => !l.endsWith(".ts")));
    const message = "Import src/model through its index.ts, its public face.";
    expect(await messagesOf("src/cli/loader.ts")).toEqual([]);
    expect(await messagesOf("src/cli/deep-model.ts")).toEqual([
      { ruleId: "import-x/no-restricted-paths", message: `Unexpected path "../model/upward.js" imported in restricted zone. ${message}`, line: 1, column: 23 },
      { ruleId: "import-x/no-restricted-paths", message: `Unexpected path "../model/upward.js" imported in restricted zone. ${message}`, line: 3, column: 35 },
    ]);
  });

  it("report a cycle", async () => {
    expect(await messagesOf("src/lower/first.ts")).toEqual([
      { ruleId: "import-x/no-cycle", message: "Dependency cycle detected", line: 1, column: 1 },
    ]);
  });
});
