/**
 * A smoke test in a real client other than VS Code: headless Neovim (when `nvim` is installed;
 * 0.7 and later) starts the built server for a file, as a user's config would. Neovim declares no
 * snippets and watches no files on Linux: the server gives plain completions, and sees a changed
 * b24layout.config.json at the next change of the buffer.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { scratch } from "../cli/fixtures.js";

const ROOT = resolve(import.meta.dirname, "../..");

function hasNeovim(): boolean {
  try {
    execFileSync("nvim", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const INIT = (root: string, out: string) => `
local out = {}
local function log(k, v) out[#out + 1] = vim.fn.json_encode({ [k] = v }) end
vim.cmd("edit ${root}/a.b24layout")
local bufnr = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({ name = "b24layout", cmd = { ${JSON.stringify(process.execPath)}, ${JSON.stringify(join(ROOT, "dist/cli.js"))}, "lsp", "--stdio" }, root_dir = "${root}" })
vim.lsp.buf_attach_client(bufnr, id)
local function codes()
  local t = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do t[#t + 1] = d.code end
  table.sort(t)
  return t
end
vim.wait(10000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
log("diagnostics", codes())
local function request(method, params)
  for _, v in pairs(vim.lsp.buf_request_sync(bufnr, method, params, 10000) or {}) do return v.result end
end
local document = { uri = vim.uri_from_bufnr(bufnr) }
local items = request("textDocument/completion", { textDocument = document, position = { line = 7, character = 4 } }) or {}
local completions = {}
for _, i in ipairs(items.items or items) do completions[#completions + 1] = { i.label, i.insertTextFormat or 1, i.textEdit and i.textEdit.newText or "" } end
log("completions", completions)
log("formatting", request("textDocument/formatting", { textDocument = document, options = { tabSize = 8, insertSpaces = false } }))
local config = io.open("${root}/b24layout.config.json", "w"); config:write("{}"); config:close()
vim.api.nvim_buf_set_lines(bufnr, 10, 10, false, { "" })
vim.wait(10000, function() return #vim.diagnostic.get(bufnr) > 1 end, 20)
log("afterConfigChange", codes())
local file = io.open("${out}", "w"); file:write(table.concat(out, "\\n")); file:close()
vim.lsp.stop_client(id)
vim.wait(3000, function() return vim.lsp.get_client_by_id(id) == nil end, 20)
vim.cmd("qa!")
`;

describe.skipIf(!hasNeovim())("Neovim as the client", () => {
  it("gets diagnostics, plain completions, fmt's formatting, and a changed config without watching files", () => {
    const root = scratch({
      "package.json": "{}",
      "b24layout.config.json": '{ "rules": { "unknown-code": "off" } }',
      "a.b24layout": 'layout l {\n  icon my-icon\n  header "T" {\n    tag warning "a"\n  }\n  body {\n    logo document\n    \n    text "x" { bold "true" }\n  }\n}\n',
    });
    const out = join(root, "out.jsonl");
    writeFileSync(join(root, "init.lua"), INIT(root, out));
    const run = spawnSync("nvim", ["--headless", "-n", "-u", join(root, "init.lua")], { cwd: root, timeout: 60_000, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const logged = Object.assign({}, ...readFileSync(out, "utf8").split("\n").map((l) => JSON.parse(l) as object)) as Record<string, unknown>;
    expect(logged["diagnostics"]).toEqual(["string-boolean"]);
    // No snippets declared: every item is plain text, the word alone (the raw member `json` too); the body's logo is set already.
    expect(logged["completions"]).toEqual(["text", "largeText", "link", "deadline", "withTitle", "lineOfBlocks", "json", "when", "each", "use"].map((w) => [w, 1, w]));
    // fmt's result (only the blank line's spaces go): the editor's tabSize 8 and tabs do not matter.
    expect(logged["formatting"]).toEqual([{ range: { start: { line: 7, character: 0 }, end: { line: 7, character: 4 } }, newText: "" }]);
    expect(logged["afterConfigChange"]).toEqual(["string-boolean", "unknown-code"]);
  }, 90_000);
});
