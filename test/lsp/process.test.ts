/**
 * `b24layout lsp` serves from a child process started with the server's V8 flags (src/lsp/heap.ts,
 * src/cli/loader.ts): the child has them, answers as the server, and does not outlive the process
 * the editor started, however that one ends.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { LANGUAGE_SERVER_NODE_FLAGS } from "../../src/lsp/heap.js";
import { startClient } from "./client.js";

/** The processes whose parent is `pid`, with their command lines. */
function childrenOf(pid: number): { pid: number; args: string }[] {
  const out = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(pid)], { encoding: "utf8" }).trim();
  return out === "" ? [] : out.split("\n").map((l) => { const m = /^\s*(\d+)\s+(.*)$/.exec(l)!; return { pid: Number(m[1]), args: m[2]! }; });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, ms = 5000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return condition();
}

describe.skipIf(process.platform !== "linux")("the language server's process", () => {
  it("runs in a child with the server's V8 flags, which answers the client", async () => {
    const client = await startClient("file:///tmp");
    const children = childrenOf(client.process.pid!);
    expect(children).toHaveLength(1);
    for (const flag of LANGUAGE_SERVER_NODE_FLAGS) expect(children[0]!.args).toContain(flag);
    expect(children[0]!.args).toMatch(/cli\.js lsp --stdio$/);
    const published = await client.open("file:///tmp/a.b24layout", "layout a {\n  icon nope\n}\n");
    expect(published.diagnostics.map((d) => d.code)).toContain("unknown-code");
    await client.stop();
    expect(client.process.exitCode).toBe(0);
    expect(alive(children[0]!.pid)).toBe(false);
  }, 30_000);

  it.each(["SIGTERM", "SIGKILL"] as const)("ends when the started process gets %s", async (signal) => {
    const client = await startClient("file:///tmp");
    const [child] = childrenOf(client.process.pid!);
    expect(child).toBeDefined();
    client.process.kill(signal);
    // After SIGKILL nothing is forwarded: the child sees its input end (the editor's pipe closes).
    client.process.stdin!.end();
    expect(await until(() => !alive(child!.pid))).toBe(true);
    client.connection.dispose();
  }, 30_000);
});
