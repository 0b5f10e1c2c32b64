/** `b24layout init` through the built executable, in a fresh project folder. */
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { STARTER_WORKFLOW } from "../../src/cli/init.js";
import { runBuiltCli, useBuiltCli } from "./bundle.js";
import { scratch } from "./fixtures.js";

const built = useBuiltCli();
const run = (cwd: string, args: readonly string[]) => runBuiltCli(built.cli, cwd, args);

describe("b24layout init", () => {
  it("writes a config with its $schema and a first layout that checks clean and builds, and adds the npm scripts keeping the package.json's shape", async () => {
    const pkg = '{\n    "name": "my-app",\n    "scripts": {\n        "test": "vitest"\n    },\n    "__proto__": 1\n}\n';
    const dir = scratch({ "package.json": pkg });
    const r = await run(dir, ["init"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain("created b24layout.config.json\ncreated layouts/welcome.b24layout\nadded to package.json: the scripts layouts:check, layouts:build, layouts:watch, layouts:fmt\n\nNext steps:\n");
    expect(readFileSync(join(dir, "package.json"), "utf8")).toBe(
      '{\n    "name": "my-app",\n    "scripts": {\n        "test": "vitest",\n        "layouts:check": "b24layout check layouts",\n        "layouts:build": "b24layout build layouts --out-dir dist/b24layout",\n        "layouts:watch": "b24layout build layouts --out-dir dist/b24layout --watch",\n        "layouts:fmt": "b24layout fmt layouts"\n    },\n    "__proto__": 1\n}\n',
    );
    expect(JSON.parse(readFileSync(join(dir, "b24layout.config.json"), "utf8"))).toEqual({ $schema: "./node_modules/b24layout/b24layout.config.schema.json", rules: {} });
    expect(await run(dir, ["check", "layouts"])).toMatchObject({ code: 0, stdout: "✔ 1 file checked, no problems\n" });
    expect(await run(dir, ["build", "layouts", "--out-dir", "dist/b24layout"])).toMatchObject({ code: 0 });
    expect(readdirSync(join(dir, "dist/b24layout"))).toContain("welcome.layout.json");
  });

  it("never overwrites: a second run skips everything and says so, and changes no byte", async () => {
    const dir = scratch({ "package.json": "{}\n" });
    await run(dir, ["init", "--ci"]);
    const before = ["package.json", "b24layout.config.json", "layouts/welcome.b24layout", ".github/workflows/b24layout.yml"].map((f) => readFileSync(join(dir, f), "utf8"));
    const again = await run(dir, ["init", "--ci"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      [
        "skipped b24layout.config.json: it exists, and was left as it is",
        "skipped layouts/welcome.b24layout: it exists, and was left as it is",
        "skipped .github/workflows/b24layout.yml: it exists, and was left as it is",
        "skipped the script layouts:check: package.json has one of that name, left as it is",
      ].join("\n"),
    );
    expect(["package.json", "b24layout.config.json", "layouts/welcome.b24layout", ".github/workflows/b24layout.yml"].map((f) => readFileSync(join(dir, f), "utf8"))).toEqual(before);
  });

  it("--ci writes the workflow of examples/ci/annotations.yml", async () => {
    expect(STARTER_WORKFLOW).toBe(readFileSync(resolve(import.meta.dirname, "../../examples/ci/annotations.yml"), "utf8"));
    const dir = scratch();
    await run(dir, ["init", "--ci"]);
    expect(readFileSync(join(dir, ".github/workflows/b24layout.yml"), "utf8")).toBe(STARTER_WORKFLOW);
    expect(existsSync(join(dir, ".github/workflows/b24layout.yml"))).toBe(true);
  });

  it("keeps tabs, CRLF and a script of the same name; leaves a package.json that is not JSON or not an object alone", async () => {
    const tabs = '{\r\n\t"scripts": {\r\n\t\t"layouts:check": "mine"\r\n\t}\r\n}';
    const dir = scratch({ "package.json": tabs });
    const r = await run(dir, ["init"]);
    expect(r.stdout).toContain("skipped the script layouts:check: package.json has one of that name, left as it is\n");
    expect(readFileSync(join(dir, "package.json"), "utf8")).toBe(
      '{\r\n\t"scripts": {\r\n\t\t"layouts:check": "mine",\r\n\t\t"layouts:build": "b24layout build layouts --out-dir dist/b24layout",\r\n\t\t"layouts:watch": "b24layout build layouts --out-dir dist/b24layout --watch",\r\n\t\t"layouts:fmt": "b24layout fmt layouts"\r\n\t}\r\n}',
    );
    for (const broken of ['{ "name": "x", }\n', "[1, 2]\n", '{ "scripts": "npm test" }\n']) {
      const other = scratch({ "package.json": broken });
      const result = await run(other, ["init"]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/skipped the npm scripts: package\.json (is not valid JSON \(.*\)|is not a JSON object|has "scripts" that is not an object), so it was left as it is\n/);
      expect(readFileSync(join(other, "package.json"), "utf8")).toBe(broken);
      expect(existsSync(join(other, "layouts/welcome.b24layout"))).toBe(true);
    }
  });

  it("does not write through a link planted where a file would go, nor say there is no package.json when there is none", async () => {
    const dir = scratch();
    const target = join(scratch(), "elsewhere.json");
    symlinkSync(target, join(dir, "b24layout.config.json"));
    const r = await run(dir, ["init"]);
    expect(r.stdout).toContain("skipped b24layout.config.json: it exists, and was left as it is\n");
    expect(r.stdout).toContain("skipped the npm scripts: there is no package.json here");
    expect(r.stdout).toContain("npx b24layout check layouts");
    expect(existsSync(target)).toBe(false);
  });

  it("leaves a package.json that is a symbolic link alone, and the file it points to", async () => {
    const elsewhere = join(scratch({ "package.json": '{ "name": "other" }\n' }), "package.json");
    const dir = scratch();
    symlinkSync(elsewhere, join(dir, "package.json"));
    const r = await run(dir, ["init"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("skipped the npm scripts: package.json is a symbolic link, so it was left as it is\n");
    expect(readFileSync(elsewhere, "utf8")).toBe('{ "name": "other" }\n');
  });

  it("points $schema at the installed package, a workspace's hoisted one too, and says how to install it when it is not", async () => {
    const schema = (dir: string) => (JSON.parse(readFileSync(join(dir, "b24layout.config.json"), "utf8")) as { $schema: string }).$schema;
    const install = "install b24layout in this project: npm install --save-dev <its packed .tgz or git URL>";
    const installed = (root: string) => {
      mkdirSync(join(root, "node_modules/b24layout"), { recursive: true });
      writeFileSync(join(root, "node_modules/b24layout/b24layout.config.schema.json"), "{}\n");
    };
    // Not installed: the default path, and how to install (b24layout is not on the registry yet).
    const bare = scratch({ "package.json": "{}\n" });
    const r = await run(bare, ["init"]);
    expect(schema(bare)).toBe("./node_modules/b24layout/b24layout.config.schema.json");
    expect(r.stdout).toContain(`Next steps:\n  ${install}\n`);
    expect(r.stdout).not.toMatch(/npm install --save-dev b24layout\b/);
    // Installed in the project:
    const own = scratch({ "package.json": "{}\n" });
    installed(own);
    const ownRun = await run(own, ["init"]);
    expect(schema(own)).toBe("./node_modules/b24layout/b24layout.config.schema.json");
    expect(ownRun.stdout).not.toContain(install);
    // A workspace of a repository whose root has the install (npm workspaces hoist it there):
    const repo = scratch({ "package.json": '{ "workspaces": ["packages/*"] }\n', "packages/app/package.json": "{}\n" });
    mkdirSync(join(repo, ".git"));
    installed(repo);
    const app = join(repo, "packages/app");
    const hoisted = await run(app, ["init"]);
    expect(schema(app)).toBe("../../node_modules/b24layout/b24layout.config.schema.json");
    expect(existsSync(join(app, schema(app)))).toBe(true);
    expect(hoisted.stdout).not.toContain(install);
    // Outside a repository, a node_modules above the project is not its install.
    const above = scratch({ "app/package.json": "{}\n" });
    installed(above);
    await run(join(above, "app"), ["init"]);
    expect(schema(join(above, "app"))).toBe("./node_modules/b24layout/b24layout.config.schema.json");
  });

  it("says a file is in the way of a folder it would make, and leaves that file", async () => {
    const dir = scratch({ "package.json": "{}\n", layouts: "my notes\n", ".github": "" });
    const r = await run(dir, ["init", "--ci"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("skipped layouts/welcome.b24layout: its folder 'layouts' cannot be made, as a file is in the way; that file was left as it is\n");
    expect(r.stdout).toContain("skipped .github/workflows/b24layout.yml: its folder '.github/workflows' cannot be made, as a file is in the way; that file was left as it is\n");
    expect(readFileSync(join(dir, "layouts"), "utf8")).toBe("my notes\n");
  });
});
