// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import { layerConfig } from "./eslint.layers.js";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "bench/corpus/", "bench/.tmp/", ".scratch/", "coverage/", "test/fixtures/generated/", "vscode-extension/dist/"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: { allowDefaultProject: ["*.js", "*.mjs", "scripts/*.mjs", "bench/*.mjs"] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  // The layers of src/ (no upward imports, no cycles): see eslint.layers.js.
  layerConfig({ root: import.meta.dirname }),
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
);
