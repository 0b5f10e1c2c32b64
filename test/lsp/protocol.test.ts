/**
 * The built server (`b24layout lsp --stdio`) fed raw bytes over its real stdin: after each kind of
 * malformed message it answers JSON-RPC's error (id null, or the message's own id) and goes on
 * answering the next request; when its input ends it exits, with status 0 after `shutdown` and 1
 * without (so a client restarts it).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StreamMessageReader, type Message, type ResponseMessage } from "vscode-languageserver-protocol/node";

const ROOT = resolve(import.meta.dirname, "../..");

interface RawServer {
  readonly child: ChildProcess;
  readonly responses: ResponseMessage[];
  sendRaw(bytes: string | Buffer): void;
  send(message: object): void;
  /** The response to the request `id`. */
  response(id: number | string | null, after?: number): Promise<ResponseMessage>;
  exited(): Promise<number | null>;
}

function frame(message: object | string): Buffer {
  const body = Buffer.from(typeof message === "string" ? message : JSON.stringify(message), "utf8");
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
}

function startRaw(): RawServer {
  const child = spawn(process.execPath, [resolve(ROOT, "dist/cli.js"), "lsp", "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
  child.stderr.resume();
  const responses: ResponseMessage[] = [];
  const waiters: (() => void)[] = [];
  new StreamMessageReader(child.stdout).listen((m: Message) => {
    if ("id" in m && !("method" in m)) responses.push(m as ResponseMessage);
    for (const w of waiters.splice(0)) w();
  });
  const exit = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  return {
    child,
    responses,
    sendRaw: (bytes) => child.stdin.write(bytes),
    send: (message) => child.stdin.write(frame(message)),
    response(id, after = 0) {
      return new Promise((r) => {
        const look = () => {
          const found = responses.slice(after).find((x) => x.id === id);
          if (found) r(found);
          else waiters.push(look);
        };
        look();
      });
    },
    exited: () => exit,
  };
}

const INITIALIZE = { jsonrpc: "2.0", id: 0, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } };

describe("malformed messages over stdio", () => {
  let server: RawServer;
  beforeAll(async () => {
    server = startRaw();
    server.send(INITIALIZE);
    await server.response(0);
    server.send({ jsonrpc: "2.0", method: "initialized", params: {} });
    server.send({ jsonrpc: "2.0", method: "textDocument/didOpen", params: { textDocument: { uri: "file:///tmp/p.b24layout", languageId: "b24layout", version: 1, text: 'badge b warning { title "t"; value "v" }\n' } } });
  }, 30_000);
  afterAll(() => {
    server.child.kill();
  });

  let nextId = 100;
  it.each([
    ["a header without Content-Length", "Content-Type: application/json\r\n\r\n{}", -32700, /^Parse error: the header has no Content-Length/],
    ["a negative Content-Length", "Content-Length: -5\r\n\r\n", -32700, /^Parse error: Content-Length is not a whole number of bytes: "-5"/],
    ["a Content-Length that is not a number", "Content-Length: abc\r\n\r\n", -32700, /^Parse error: Content-Length is not a whole number of bytes: "abc"/],
    ["a huge Content-Length", "Content-Length: 99999999999\r\n\r\n", -32700, /^Parse error: Content-Length 99999999999 is larger than any message can be/],
    ["a Content-Length longer than the body", "Content-Length: 100000\r\n\r\n{}", -32700, /^Parse error: the message ended before its Content-Length of 100000 bytes/],
    ["garbage bytes", "\u0000\u0001\u00ff garbage\r\n", -32700, /^Parse error: a header line is not 'Name: value'/],
    ["an invalid JSON body", frame("{not json").toString("latin1"), -32700, /^Parse error: the body is not JSON/],
    ["JSON that is not a JSON-RPC message", frame("[1, 2]").toString("latin1"), -32600, /^Invalid Request: batches are not part of the Language Server Protocol$/],
  ])("%s: an error answer with id null, then the next request is answered", async (_name, bad, code, message) => {
    const before = server.responses.length;
    server.sendRaw(Buffer.from(bad, "latin1"));
    const id = nextId++;
    server.send({ jsonrpc: "2.0", id, method: "textDocument/documentSymbol", params: { textDocument: { uri: "file:///tmp/p.b24layout" } } });
    const answer = await server.response(id, before);
    // A client without hierarchical symbols gets the flat list.
    expect((answer.result as { name: string }[]).map((s) => s.name)).toEqual(["b", "title", "value"]);
    const error = server.responses.slice(before).find((r) => r.id === null);
    expect(error?.error?.code).toBe(code);
    expect(error?.error?.message).toMatch(message);
  });

  it("survives a message the connection itself cannot take ($/cancelRequest without an id)", async () => {
    server.send({ jsonrpc: "2.0", method: "$/cancelRequest", params: {} });
    server.send({ jsonrpc: "2.0", method: "$/cancelRequest", params: { id: {} } });
    server.send({ jsonrpc: "2.0", id: 54, method: "textDocument/documentSymbol", params: { textDocument: { uri: "file:///tmp/p.b24layout" } } });
    expect((await server.response(54)).result).toHaveLength(3);
  });

  it("answers a request whose method is not a string with Invalid Request and its id", async () => {
    server.send({ jsonrpc: "2.0", id: 55, method: 12 });
    expect((await server.response(55)).error).toEqual({ code: -32600, message: "Invalid Request: 'method' must be a string" });
    server.send({ jsonrpc: "2.0", id: 56, method: "shutdown" });
    expect((await server.response(56)).result).toBeNull();
  });
});

describe("the end of the input", () => {
  it("exits with status 1 when the input ends without shutdown", async () => {
    const server = startRaw();
    server.send(INITIALIZE);
    await server.response(0);
    server.child.stdin!.end();
    expect(await server.exited()).toBe(1);
  }, 30_000);

  it("exits with status 0 when the input ends after shutdown", async () => {
    const server = startRaw();
    server.send(INITIALIZE);
    await server.response(0);
    server.send({ jsonrpc: "2.0", id: 1, method: "shutdown" });
    await server.response(1);
    server.child.stdin!.end();
    expect(await server.exited()).toBe(0);
  }, 30_000);

  it("exits with status 1 when the input ends in the middle of a message", async () => {
    const server = startRaw();
    server.send(INITIALIZE);
    await server.response(0);
    server.sendRaw("Content-Length: 500\r\n\r\n{\"jsonrpc\":");
    server.child.stdin!.end();
    expect(await server.exited()).toBe(1);
  }, 30_000);
});
