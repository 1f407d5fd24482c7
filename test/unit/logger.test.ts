import { describe, expect, it } from "vitest";
import { createLogger } from "../../server/logger.ts";
import { NIK_FORMS, showsNik } from "../support/niks.ts";

const NIK = "3526010101010001";

/** Log lines written by the app's logger, as text. */
function capture(write: (logger: ReturnType<typeof createLogger>) => void): string {
  const lines: string[] = [];
  write(createLogger("info", "json", { write: (line: string) => void lines.push(line) }));
  return lines.join("");
}

describe("the logger never writes a NIK in clear", () => {
  it("masks it in messages, in objects, in errors, and redacts nik fields", () => {
    const out = capture((log) => {
      log.info(`imported ${NIK}`);
      log.warn({ detail: { row: `nik ${NIK} is duplicated` }, list: [NIK] }, "problem");
      log.error(new Error(`constraint failed for ${NIK}`));
      log.error({ err: new Error(`bad ${NIK}`) }, "wrapped");
      log.info({ nik: NIK, user: { nik: NIK } }, "fields");
      log.error({ err: Object.assign(new TypeError(`duplicate ${NIK}`), { detail: `Key (nik)=(${NIK}) exists` }) }, "database");
    });
    expect(out).not.toContain(NIK);
    expect(out.match(/\*{16}/g)!.length).toBeGreaterThanOrEqual(5);
    expect(out).toContain("[redacted]");
    expect(out).toContain("problem");
    expect(out).toContain('"type":"TypeError"'); // the error keeps its class
    expect(out).toContain("Key (nik)=(****************) exists");
  });

  it("masks a NIK in every form a person may type it: dots, spaces, dashes, run into a prefix", () => {
    const out = capture((log) => {
      for (const nik of NIK_FORMS) {
        log.info(`row 12 ${nik}`);
        log.warn({ problems: [{ column: "start_date", value: nik }] }, `column start_date (value "${nik}")`);
        log.error(new Error(`duplicate key (${nik})`));
      }
    });
    expect(showsNik(out)).toBe(false);
    expect(out).toContain("NIK****************");
    expect(out).toContain("****.****.****.****");
    expect(out).toContain('column start_date (value \\"**** **** **** ****\\")');
  });

  it("shortens long values: a 5 MB argument does not make a 5 MB log line, and a NIK at the cut is still masked", () => {
    const huge = `3526010199000001${"x".repeat(5_000_000)}`;
    const out = capture((log) => {
      log.warn({ args: { input: huge } }, "bad input");
      log.info(huge);
      log.error(new Error(huge));
    });
    expect(out.length).toBeLessThan(20_000);
    expect(out).toContain("(5000016 characters)");
    expect(showsNik(out)).toBe(false);
  });

  it("leaves other numbers alone", () => {
    const out = capture((log) =>
      log.info({ rows: 1234567890123 }, "imported 281 villages, code 35.26.01.1001 on 2025-10-01, 123456789012345"),
    );
    expect(out).toContain("1234567890123");
    expect(out).toContain("35.26.01.1001 on 2025-10-01, 123456789012345");
  });
});
