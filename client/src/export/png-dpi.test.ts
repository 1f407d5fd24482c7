import { crc32, deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { withDpi } from "./png-dpi.ts";

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  return Buffer.concat([len, Buffer.from(type, "latin1"), data, Buffer.alloc(4)]);
}

/** A 1×1 PNG (CRCs left at zero: only the chunk layout matters here). */
const tiny = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk("IHDR", Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])),
  chunk("IDAT", deflateSync(Buffer.from([0, 255, 0, 0]))),
  chunk("IEND", Buffer.alloc(0)),
]);

describe("withDpi", () => {
  it("puts a pHYs chunk of 300 dpi right after IHDR, with its CRC", () => {
    const out = Buffer.from(withDpi(tiny, 300));
    expect(out.toString("latin1", 37, 41)).toBe("pHYs");
    expect(out.readUInt32BE(33)).toBe(9);
    expect(out.readUInt32BE(41)).toBe(11811);
    expect(out.readUInt32BE(45)).toBe(11811);
    expect(out[49]).toBe(1);
    expect(out.readUInt32BE(50)).toBe(crc32(out.subarray(37, 50)));
    expect(out.subarray(54).equals(tiny.subarray(33))).toBe(true);
  });
});
