/**
 * The server's message reader (src/lsp/transport.ts) fed bytes directly: well-formed messages in
 * any split, and every kind of bad message, each costing only itself — the next message is read.
 */
import { PassThrough } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Message } from "vscode-languageserver/node";
import { RecoveringMessageReader, type ProtocolProblem } from "../../src/lsp/transport.js";

function frame(body: string | object, header?: string): Buffer {
  const bytes = Buffer.from(typeof body === "string" ? body : JSON.stringify(body), "utf8");
  return Buffer.concat([Buffer.from(header ?? `Content-Length: ${bytes.length}\r\n\r\n`, "latin1"), bytes]);
}

function reader(): { feed: (bytes: Buffer | string) => void; messages: Message[]; problems: ProtocolProblem[] } {
  const messages: Message[] = [];
  const problems: ProtocolProblem[] = [];
  const r = new RecoveringMessageReader(new PassThrough(), (p) => problems.push(p));
  r.listen((m) => messages.push(m));
  return { feed: (bytes) => r.receive(typeof bytes === "string" ? Buffer.from(bytes, "latin1") : bytes), messages, problems };
}

const PING = { jsonrpc: "2.0", id: 7, method: "ping" };

describe("reading well-formed messages", () => {
  it("reads messages split at every byte, with a multi-byte character across the split", () => {
    const bytes = Buffer.concat([frame({ jsonrpc: "2.0", method: "a", params: { text: "Grüße — ✓ 𝄞" } }), frame(PING)]);
    for (let split = 1; split < bytes.length; split++) {
      const r = reader();
      r.feed(bytes.subarray(0, split));
      r.feed(bytes.subarray(split));
      expect(r.problems).toEqual([]);
      expect(r.messages).toEqual([{ jsonrpc: "2.0", method: "a", params: { text: "Grüße — ✓ 𝄞" } }, PING]);
    }
  });

  it("reads a message of several megabytes arriving in small pieces, and the next one", () => {
    const r = reader();
    const big = { jsonrpc: "2.0", method: "textDocument/didOpen", params: { text: "x".repeat(6_000_000) } };
    const bytes = Buffer.concat([frame(big), frame(PING)]);
    for (let at = 0; at < bytes.length; at += 65_536) r.feed(bytes.subarray(at, at + 65_536));
    expect(r.problems).toEqual([]);
    expect(r.messages.map((m) => ("method" in m ? m.method : ""))).toEqual(["textDocument/didOpen", "ping"]);
    expect((r.messages[0] as unknown as { params: { text: string } }).params.text).toHaveLength(6_000_000);
  });

  it("takes header names in any case, a Content-Type with utf-8, and headers in any order", () => {
    const r = reader();
    const body = JSON.stringify(PING);
    r.feed(frame(body, `content-type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: ${body.length}\r\n\r\n`));
    expect(r.messages).toEqual([PING]);
    expect(r.problems).toEqual([]);
  });

  it("reads a response without result or error as result null (a void answer)", () => {
    const r = reader();
    r.feed(frame({ jsonrpc: "2.0", id: 0 }));
    expect(r.messages).toEqual([{ jsonrpc: "2.0", id: 0, result: null }]);
  });
});

describe("recovering from bad messages", () => {
  const parseError = (message: string) => ({ code: -32700, message, id: null });
  it.each([
    ["no Content-Length", "Content-Type: application/json\r\n\r\n{}", "Parse error: the header has no Content-Length; skipped to the next header"],
    ["a negative Content-Length", "Content-Length: -5\r\n\r\n{}", 'Parse error: Content-Length is not a whole number of bytes: "-5"; skipped to the next header'],
    ["a Content-Length that is not a number", "Content-Length: twelve\r\n\r\n{}", 'Parse error: Content-Length is not a whole number of bytes: "twelve"; skipped to the next header'],
    ["a Content-Length larger than a message can be", "Content-Length: 99999999999\r\n\r\n", /^Parse error: Content-Length 99999999999 is larger than any message can be \(\d+ bytes\); skipped to the next header$/],
    ["garbage bytes before a header", "\u0000\u00ff garbage\r\n", 'Parse error: a header line is not \'Name: value\': "\\u0000ÿ garbage"; skipped to the next header'],
    ["a body that is not JSON", frame("{bad json}").toString("latin1"), /^Parse error: the body is not JSON \(.+\)$/],
    ["an empty body", "Content-Length: 0\r\n\r\n", /^Parse error: the body is not JSON \(.+\)$/],
    ["a charset other than utf-8", `Content-Type: application/json; charset=latin1\r\nContent-Length: 2\r\n\r\n{}`, "Parse error: the charset 'latin1' is not supported (only utf-8)"],
  ])("%s: one Parse error (id null), then the next message", (_name, bad, message) => {
    const r = reader();
    r.feed(bad);
    r.feed(frame(PING));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: -32700, id: null });
    expect(r.problems[0]!.message).toMatch(typeof message === "string" ? new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) : message);
    expect(r.messages).toEqual([PING]);
  });

  it("recovers from two different Content-Lengths (the second one read as a header of its own)", () => {
    const r = reader();
    r.feed("Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}");
    r.feed(frame(PING));
    expect(r.problems[0]).toEqual(parseError("Parse error: two different Content-Length headers; skipped to the next header"));
    expect(r.messages).toEqual([PING]);
  });

  it("finds out a Content-Length larger than the body as soon as the next header arrives", () => {
    const r = reader();
    r.feed("Content-Length: 100000\r\n\r\n{}");
    expect(r.problems).toEqual([]);
    r.feed(frame(PING));
    expect(r.problems).toEqual([parseError("Parse error: the message ended before its Content-Length of 100000 bytes (a header came first)")]);
    expect(r.messages).toEqual([PING]);
  });

  it("finds the next message after a Content-Length smaller than the body", () => {
    const r = reader();
    r.feed(frame(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "lost" }), "Content-Length: 10\r\n\r\n"));
    r.feed(frame(PING));
    expect(r.problems.map((p) => p.code)).toEqual([-32700, -32700]);
    expect(r.messages).toEqual([PING]);
  });

  it("skips megabytes of garbage without a header end, with one problem, keeping memory bounded", () => {
    const r = reader();
    for (let i = 0; i < 40; i++) r.feed(Buffer.alloc(64 * 1024, 0x61));
    r.feed(frame(PING));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.message).toMatch(/^Parse error: no end of header in \d+ bytes$/);
    expect(r.messages).toEqual([PING]);
  });

  it.each([
    ["a list (a batch)", [], { code: -32600, message: "Invalid Request: batches are not part of the Language Server Protocol", id: null }],
    ["a number", 12, { code: -32600, message: "Invalid Request: a message must be a JSON object", id: null }],
    ["a request whose method is not a string", { jsonrpc: "2.0", id: 3, method: 5 }, { code: -32600, message: "Invalid Request: 'method' must be a string", id: 3 }],
    ["a request whose params are a string", { jsonrpc: "2.0", id: "x", method: "m", params: "p" }, { code: -32600, message: "Invalid Request: 'params' must be an object or an array", id: "x" }],
    ["a request whose id is an object", { jsonrpc: "2.0", id: {}, method: "m" }, { code: -32600, message: "Invalid Request: 'id' must be a string or a number", id: null }],
    ["neither a request nor a response", { jsonrpc: "2.0" }, { code: -32600, message: "Invalid Request: a message needs a 'method' (a request or notification) or an 'id' (a response)", id: undefined }],
    ["a response with a malformed error", { jsonrpc: "2.0", id: 1, error: "no" }, { code: -32600, message: "Invalid Request: a response's 'error' must have a numeric 'code' and a string 'message'", id: undefined }],
  ])("JSON that is %s: Invalid Request (with its id when it has one), then the next message", (_name, value, problem) => {
    const r = reader();
    r.feed(frame(JSON.stringify(value)));
    r.feed(frame(PING));
    expect(r.problems).toEqual([problem]);
    expect(r.messages).toEqual([PING]);
  });
});

describe("a message the connection fails on", () => {
  it("is reported (answered when it is a request) and the next message is read", () => {
    const problems: ProtocolProblem[] = [];
    const messages: Message[] = [];
    const r = new RecoveringMessageReader(new PassThrough(), (p) => problems.push(p));
    r.listen((m) => {
      if ("method" in m && m.method === "boom") throw new Error("cannot take it");
      messages.push(m);
    });
    r.receive(Buffer.concat([frame({ jsonrpc: "2.0", id: 4, method: "boom" }), frame({ jsonrpc: "2.0", method: "boom" }), frame(PING)]));
    expect(problems).toEqual([
      { code: -32602, message: "Invalid params: cannot take it", id: 4 },
      { code: -32602, message: "Invalid params: cannot take it", id: undefined },
    ]);
    expect(messages).toEqual([PING]);
  });
});

describe("any bytes", () => {
  // Pieces that look like parts of messages, so the garbage reaches every state of the reader.
  const piece = fc.oneof(
    fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a).toString("latin1")),
    fc.constantFrom("Content-Length: ", "content-length:", "Content-Type: x\r\n", "\r\n", "\r\n\r\n", "{", "}", '"', ":", "-1", "99999999999", "0"),
    fc.nat({ max: 200 }).map(String),
    fc.jsonValue().map((v) => frame(JSON.stringify(v)).toString("latin1")),
  );

  it("never throws, and reads the messages after them (the last of three at least)", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 6 }), (pieces, splits) => {
        const bytes = Buffer.concat([Buffer.from(pieces.join(""), "latin1"), frame(PING), frame(PING), frame({ ...PING, id: 8 })]);
        const cuts = [...new Set(splits.map((s) => s % bytes.length))].sort((a, b) => a - b);
        const r = reader();
        let at = 0;
        for (const cut of [...cuts, bytes.length]) {
          r.feed(bytes.subarray(at, cut));
          at = cut;
        }
        expect(r.messages.at(-1)).toEqual({ ...PING, id: 8 });
        for (const p of r.problems) expect([-32700, -32600]).toContain(p.code);
      }),
      { numRuns: 300 },
    );
  });
});
