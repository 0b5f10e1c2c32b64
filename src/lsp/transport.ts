/**
 * The server's reading side of the LSP base protocol: `Content-Length` framed JSON-RPC messages on
 * a byte stream, read so that one bad message costs only itself. vscode-jsonrpc's own reader stops
 * for good at the first header it cannot read (the server then lives on and never answers again);
 * this one reports the bad message and carries on at the next header it finds:
 *
 * - a header block that is not `Name: value` lines, or whose `Content-Length` is missing, not a
 *   whole number or larger than any message can be, is skipped up to the next `Content-Length:`;
 * - a body that is not JSON is answered with JSON-RPC's Parse error (-32700, id null), and one that
 *   is JSON but not a JSON-RPC message with Invalid Request (-32600, with its id when it has one);
 * - a `Content-Length` larger than the body the client sent is found out as soon as the next
 *   message's header arrives (a header line `Content-Length: n` followed by a raw line break cannot
 *   occur inside JSON, where raw line breaks cannot be in strings and the words cannot be tokens), so
 *   the server does not wait for bytes that will never come.
 */
import { constants as bufferConstants } from "node:buffer";
import type { Readable } from "node:stream";
import { AbstractMessageReader, ErrorCodes, type DataCallback, type Disposable, type Message, type MessageReader } from "vscode-languageserver/node";

/** The longest body that can be read: its text must fit in one JavaScript string. */
export const MAX_CONTENT_LENGTH = bufferConstants.MAX_STRING_LENGTH;
/** A header block longer than this is garbage: real ones are a few dozen bytes. */
const MAX_HEADER_BYTES = 64 * 1024;
const HEADER_END = Buffer.from("\r\n\r\n");
const CONTENT_LENGTH = /content-length:/i;
/** Bytes kept while skipping garbage: one less than `Content-Length:`, which may have arrived in part. */
const CONTENT_LENGTH_TAIL = "content-length:".length - 1;
/** A header line inside what should be a body: the body was shorter than its Content-Length said. */
const HEADER_IN_BODY = /content-length:[ \t]*\d+[ \t]*\r\n/i;
/** How far back a scan of newly arrived body bytes starts, so a header split between two reads is found. */
const SCAN_OVERLAP = 64;
const HEADER_LINE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+):[ \t]*(.*?)[ \t]*$/;

/** A message the reader could not take, and the error response JSON-RPC says it gets (when `id` is not undefined). */
export interface ProtocolProblem {
  readonly code: number;
  readonly message: string;
  /** The id to answer (null when none could be read); undefined: nothing to answer (a malformed response). */
  readonly id: string | number | null | undefined;
}

const INITIAL_QUEUE_BYTES = 64 * 1024;

/** Bytes received and not yet read: a growable buffer with a read position, so long messages are copied once. */
class ByteQueue {
  private storage = Buffer.alloc(INITIAL_QUEUE_BYTES);
  private start = 0;
  private end = 0;

  append(chunk: Buffer): void {
    if (this.end + chunk.length > this.storage.length) {
      const used = this.end - this.start;
      if (used + chunk.length <= this.storage.length / 2) {
        this.storage.copy(this.storage, 0, this.start, this.end);
      } else {
        let size = this.storage.length;
        while (size < used + chunk.length) size *= 2;
        const grown = Buffer.alloc(size);
        this.storage.copy(grown, 0, this.start, this.end);
        this.storage = grown;
      }
      this.start = 0;
      this.end = used;
    }
    chunk.copy(this.storage, this.end);
    this.end += chunk.length;
  }

  /** The unread bytes (a view: valid until the next append). */
  view(): Buffer {
    return this.storage.subarray(this.start, this.end);
  }

  consume(count: number): void {
    this.start = Math.min(this.end, this.start + count);
    if (this.start !== this.end) return;
    this.start = this.end = 0;
    // The room a huge message needed is given back once it is read.
    if (this.storage.length > INITIAL_QUEUE_BYTES * 16) this.storage = Buffer.alloc(INITIAL_QUEUE_BYTES);
  }
}

type HeaderResult = { readonly length: number; readonly charset: string | undefined } | { readonly error: string };

function parseHeader(text: string): HeaderResult {
  let length: number | undefined;
  let charset: string | undefined;
  for (const line of text.split("\r\n")) {
    const match = HEADER_LINE.exec(line);
    if (!match) return { error: `a header line is not 'Name: value': ${JSON.stringify(line.slice(0, 80))}` };
    const name = match[1]!.toLowerCase();
    const value = match[2]!;
    if (name === "content-length") {
      if (!/^\d{1,16}$/.test(value)) return { error: `Content-Length is not a whole number of bytes: ${JSON.stringify(value.slice(0, 80))}` };
      const n = Number(value);
      if (length !== undefined && length !== n) return { error: "two different Content-Length headers" };
      if (n > MAX_CONTENT_LENGTH) return { error: `Content-Length ${n} is larger than any message can be (${MAX_CONTENT_LENGTH} bytes)` };
      length = n;
    } else if (name === "content-type") {
      charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(value)?.[1]?.toLowerCase();
    }
  }
  if (length === undefined) return { error: "the header has no Content-Length" };
  return { length, charset };
}

function isId(value: unknown): value is string | number {
  return typeof value === "string" || (typeof value === "number" && Number.isFinite(value));
}

/**
 * A JSON value as a JSON-RPC message, or what is wrong with it. A response without `result` and
 * `error` is read as `result: null` (some clients answer void requests so).
 */
export function toMessage(value: unknown): { readonly message: Message } | { readonly problem: ProtocolProblem } {
  const invalid = (message: string, id: string | number | null | undefined) => ({ problem: { code: ErrorCodes.InvalidRequest, message: `Invalid Request: ${message}`, id } });
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return invalid(Array.isArray(value) ? "batches are not part of the Language Server Protocol" : "a message must be a JSON object", null);
  }
  const m = value as Record<string, unknown>;
  const id = isId(m["id"]) ? m["id"] : null;
  if ("method" in m) {
    if (typeof m["method"] !== "string") return invalid("'method' must be a string", id);
    if (m["id"] !== undefined && !isId(m["id"])) return invalid("'id' must be a string or a number", null);
    const params = m["params"];
    if (params !== undefined && (typeof params !== "object" || params === null)) return invalid("'params' must be an object or an array", m["id"] === undefined ? undefined : id);
    return { message: m as unknown as Message };
  }
  // A response: to one of the server's own requests. A malformed one is not answered.
  if (!isId(m["id"]) && m["id"] !== null) return invalid("a message needs a 'method' (a request or notification) or an 'id' (a response)", undefined);
  if (m["error"] !== undefined && m["error"] !== null) {
    const error = m["error"] as Record<string, unknown> | null;
    if (typeof error !== "object" || error === null || typeof error["code"] !== "number" || typeof error["message"] !== "string") {
      return invalid("a response's 'error' must have a numeric 'code' and a string 'message'", undefined);
    }
    return { message: m as unknown as Message };
  }
  return { message: ("result" in m && m["result"] !== undefined ? m : { ...m, result: null }) as unknown as Message };
}

/** Reads messages from `input`; `reject` hears of every message that could not be read. */
export class RecoveringMessageReader extends AbstractMessageReader implements MessageReader {
  private readonly queue = new ByteQueue();
  /** The body length being waited for; -1 while reading a header. */
  private bodyLength = -1;
  private charset: string | undefined;
  /** How much of the pending body has been scanned for a header. */
  private scanned = 0;
  /** After a bad message: looking for the next `Content-Length:`. */
  private skipping = false;
  private callback: DataCallback | undefined;

  constructor(
    private readonly input: Readable,
    private readonly reject: (problem: ProtocolProblem) => void,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer | string) => this.receive(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk);
    const onError = (error: Error) => this.fireError(error);
    const onClose = () => this.fireClose();
    this.input.on("data", onData);
    this.input.on("error", onError);
    this.input.on("end", onClose);
    return {
      dispose: () => {
        this.input.off("data", onData);
        this.input.off("error", onError);
        this.input.off("end", onClose);
        this.callback = undefined;
      },
    };
  }

  /** Takes bytes as they arrive (exposed for tests, which feed it directly). */
  receive(chunk: Buffer): void {
    this.queue.append(chunk);
    while (this.callback && (this.skipping ? this.skipToNextHeader(0) : this.bodyLength < 0 ? this.readHeader() : this.readBody()));
  }

  /** Reads a header block; false when more bytes are needed. */
  private readHeader(): boolean {
    const view = this.queue.view();
    const end = view.indexOf(HEADER_END);
    if (end < 0) {
      if (view.length <= MAX_HEADER_BYTES) return false;
      this.reject({ code: ErrorCodes.ParseError, message: `Parse error: no end of header in ${view.length} bytes`, id: null });
      return this.skipToNextHeader(1);
    }
    const header = parseHeader(view.toString("latin1", 0, end));
    if ("error" in header) {
      this.reject({ code: ErrorCodes.ParseError, message: `Parse error: ${header.error}; skipped to the next header`, id: null });
      return this.skipToNextHeader(1);
    }
    this.queue.consume(end + HEADER_END.length);
    this.bodyLength = header.length;
    this.charset = header.charset;
    this.scanned = 0;
    return true;
  }

  /**
   * Drops bytes up to the next `Content-Length:` after `from`; without one, drops all but a tail that
   * may be the start of one, and goes on skipping as more bytes arrive.
   */
  private skipToNextHeader(from: number): boolean {
    const view = this.queue.view();
    const found = CONTENT_LENGTH.exec(view.toString("latin1", from));
    this.bodyLength = -1;
    this.skipping = found === null;
    this.queue.consume(found ? from + found.index : Math.max(from, view.length - CONTENT_LENGTH_TAIL));
    return !this.skipping;
  }

  /** Reads the body of the current message; false when more bytes are needed. */
  private readBody(): boolean {
    const view = this.queue.view();
    const length = this.bodyLength;
    const available = Math.min(view.length, length);
    if (available > this.scanned) {
      const from = Math.max(0, this.scanned - SCAN_OVERLAP);
      const found = HEADER_IN_BODY.exec(view.toString("latin1", from, available));
      if (found) {
        this.reject({ code: ErrorCodes.ParseError, message: `Parse error: the message ended before its Content-Length of ${length} bytes (a header came first)`, id: null });
        this.queue.consume(from + found.index);
        this.bodyLength = -1;
        return true;
      }
      this.scanned = available;
    }
    if (view.length < length) return false;
    const text = view.toString("utf8", 0, length);
    this.bodyLength = -1;
    if (this.charset !== undefined && this.charset !== "utf-8" && this.charset !== "utf8") {
      this.queue.consume(length);
      this.reject({ code: ErrorCodes.ParseError, message: `Parse error: the charset '${this.charset}' is not supported (only utf-8)`, id: null });
      return true;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      // A Content-Length too long by a few bytes takes the start of the next header: read from there.
      const next = CONTENT_LENGTH.exec(view.toString("latin1", 1, Math.min(view.length, length + CONTENT_LENGTH_TAIL)));
      this.queue.consume(next ? 1 + next.index : length);
      this.reject({ code: ErrorCodes.ParseError, message: `Parse error: the body is not JSON (${error instanceof Error ? error.message : String(error)})`, id: null });
      return true;
    }
    this.queue.consume(length);
    const read = toMessage(value);
    if ("problem" in read) {
      this.reject(read.problem);
      return true;
    }
    try {
      this.callback?.(read.message);
    } catch (error) {
      // The connection reads some messages before any handler does (`$/cancelRequest` without an id
      // throws there): such a message is dropped and said so, the server reads on.
      const id = "id" in read.message && (typeof read.message.id === "string" || typeof read.message.id === "number") && "method" in read.message ? read.message.id : undefined;
      this.reject({ code: ErrorCodes.InvalidParams, message: `Invalid params: ${error instanceof Error ? error.message : String(error)}`, id });
    }
    return true;
  }
}
