// @ts-check
/**
 * The layers of src/, bottom to top, and the lint rules that keep them: a module may import from
 * its own layer and the layers below it, never from one above (type-only imports included), and
 * no two modules may import each other round a cycle. eslint.config.js applies this to src/;
 * test/lint/layers.test.ts applies it to fixtures, to show that an upward import and a cycle fail.
 */
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";

/**
 * Bottom to top, as paths relative to the project root. What each layer is for is in
 * docs/development.md ("Layers").
 */
export const LAYERS = [
  "src/util",
  "src/diagnostic.ts",
  "src/model",
  "src/syntax",
  "src/json",
  "src/messages",
  "src/lower",
  "src/check",
  "src/emit",
  "src/import",
  "src/workspace",
  "src/format",
  "src/config",
  "src/preview",
  "src/pipeline",
  "src/eslint",
  "src/lsp",
  "src/cli",
  "src/index.ts",
];

/**
 * The folders reached from outside only through their own index.ts (their public face). The
 * others are not yet: see docs/development.md ("Layers").
 */
export const BEHIND_INDEX = ["src/json", "src/messages", "src/import", "src/preview", "src/workspace", "src/config", "src/pipeline"];

/** One zone per layer: its files may not import from any layer above it. */
export function layerZones(layers = LAYERS) {
  return layers.slice(0, -1).map((layer, i) => ({
    target: `./${layer}`,
    from: layers.slice(i + 1).map((above) => `./${above}`),
    message: `A module in ${layer} imports only from its own layer and the layers below it (listed bottom to top in eslint.layers.js and docs/development.md).`,
  }));
}

/** One zone per folder of `behindIndex`: the rest of src/ may import only its index.ts. */
export function indexZones(layers = LAYERS, behindIndex = BEHIND_INDEX) {
  return behindIndex.map((folder) => ({
    target: layers.filter((layer) => layer !== folder).map((layer) => `./${layer}`),
    from: `./${folder}`,
    except: ["./index.ts"],
    message: `Import ${folder} through its index.ts, its public face.`,
  }));
}

/**
 * The flat-config entry that enforces the layers on `files`, with paths relative to `root` (the
 * project root: eslint.config.js's folder).
 * @param {{ root: string, files?: string[], layers?: string[], behindIndex?: string[] }} options
 */
export function layerConfig({ root, files = ["src/**/*.ts"], layers = LAYERS, behindIndex = BEHIND_INDEX }) {
  return {
    files,
    plugins: { "import-x": importX },
    settings: {
      // Resolves `./x.js` to `./x.ts` as tsc does, so the rules see the file an import names.
      "import-x/resolver-next": [createTypeScriptImportResolver()],
      // Without it the cycle rule skips TypeScript modules (it follows only `.js` by default).
      "import-x/extensions": [".ts", ".js", ".mjs"],
    },
    rules: {
      "import-x/no-restricted-paths": ["error", { basePath: root, zones: [...layerZones(layers), ...indexZones(layers, behindIndex)] }],
      // Type-only imports are left out of cycles (they vanish at run time); the layer rule still sees them.
      "import-x/no-cycle": "error",
    },
  };
}
