import { closeSync, openSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fdStream, mayBeTerminal, type FdStreamHost } from "../../src/cli/fd-stream.js";
import { scratch } from "./fixtures.js";

/** A host whose descriptor takes at most `take[i]` bytes on the i-th write, or fails with `fail[i]`. */
function fakeHost(script: readonly (number | string)[], extra: Partial<FdStreamHost> = {}) {
  const written: Buffer[] = [];
  const fallbackWrites: (string | Uint8Array)[] = [];
  const events: string[] = [];
  let call = 0;
  const host: FdStreamHost = {
    fd: 7,
    write: (_fd, bytes, offset) => {
      const step = script[call++] ?? Infinity;
      if (typeof step === "string") throw Object.assign(new Error(step), { code: step });
      const end = Math.min(bytes.length, offset + step);
      written.push(Buffer.from(bytes.subarray(offset, end)));
      return end - offset;
    },
    mayBeTerminal: () => false,
    isTerminal: () => {
      events.push("isTerminal");
      return true;
    },
    fallback: () => {
      events.push("fallback");
      return { write: (chunk) => fallbackWrites.push(chunk) };
    },
    closed: () => events.push("closed"),
    failed: (error) => events.push(`failed ${error.code}`),
    ...extra,
  };
  return { host, written, fallbackWrites, events };
}

describe("fdStream", () => {
  it("writes all of a text through partial writes, in order", () => {
    const { host, written } = fakeHost([3, 1, 100, 100]);
    const stream = fdStream(host);
    stream.write("héllo, ");
    stream.write("world\n");
    expect(Buffer.concat(written).toString("utf8")).toBe("héllo, world\n");
  });

  it("hands the rest to Node's stream when the descriptor would block, bytes cut inside a character included, and keeps using it", () => {
    // "é" is two bytes: the descriptor takes "h" and the first byte of "é", then says EAGAIN.
    const { host, written, fallbackWrites, events } = fakeHost([2, "EAGAIN"]);
    const stream = fdStream(host);
    stream.write("héllo");
    stream.write(" more");
    expect(events).toEqual(["fallback"]);
    expect(Buffer.concat([...written, Buffer.from(fallbackWrites[0] as Uint8Array)]).toString("utf8")).toBe("héllo");
    expect(fallbackWrites[1]).toBe(" more");
  });

  it("reports a closed reader (EPIPE) and any other failure, and writes nothing more of that text", () => {
    const closed = fakeHost([1, "EPIPE"]);
    fdStream(closed.host).write("abc");
    expect(closed.events).toEqual(["closed"]);
    expect(Buffer.concat(closed.written).toString()).toBe("a");
    const failed = fakeHost(["EIO"]);
    fdStream(failed.host).write("abc");
    expect(failed.events).toEqual(["failed EIO"]);
  });

  it("asks whether it is a terminal only of a descriptor that may be one, and once", () => {
    const notDevice = fakeHost([]);
    expect(fdStream(notDevice.host).isTTY).toBe(false);
    expect(notDevice.events).toEqual([]);
    const device = fakeHost([], { mayBeTerminal: () => true });
    const stream = fdStream(device.host);
    expect([stream.isTTY, stream.isTTY]).toEqual([true, true]);
    expect(device.events).toEqual(["isTerminal"]);
  });
});

describe("mayBeTerminal", () => {
  it("is false for a file and for /dev/null, so neither loads node:tty", () => {
    const fd = openSync(join(scratch(), "out.txt"), "w");
    const devNull = openSync("/dev/null", "w");
    try {
      expect(mayBeTerminal(fd)).toBe(false);
      expect(mayBeTerminal(devNull)).toBe(false);
    } finally {
      closeSync(fd);
      closeSync(devNull);
    }
  });

  it("is true for another character device", () => {
    const zero = openSync("/dev/zero", "r");
    try {
      expect(mayBeTerminal(zero)).toBe(true);
    } finally {
      closeSync(zero);
    }
  });
});
