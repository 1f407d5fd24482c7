import { describe, expect, it } from "vitest";
import { openDatabase, DatabaseUnavailableError } from "../server/db/database.ts";

describe("bad database configuration ends with one clear sentence", () => {
  it("says when nothing listens at DATABASE_URL, without the password", async () => {
    const error = await openDatabase({ url: "postgresql://me:secret@127.0.0.1:1/cakupan" }).catch((e) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(error.message).toMatch(
      /^Cannot connect to DATABASE_URL postgresql:\/\/me:\*\*\*@127\.0\.0\.1:1\/cakupan: is the PostgreSQL server running/,
    );
    expect(error.message).not.toContain("secret");
  });

  // Against the PostgreSQL server (TEST_DATABASE_URL, else the local one the README asks for).
  it("says when the database does not exist", async () => {
    const url = new URL(process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
    url.pathname = "/cakupan_no_such_database";
    const error = await openDatabase({ url: url.toString() }).catch((e) => e);
    expect(error.message).toMatch(/the database does not exist/);
  });
});
