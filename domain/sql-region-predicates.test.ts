// Every *.sql.ts writes "inside region X" through domain/region-code.ts: a LIKE written by hand is
// how the predicate drifted before (`LIKE X || '%'` took 35.26.10 as inside 35.26.1).
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = new URL("..", import.meta.url).pathname;

function sqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === "generated" ? [] : sqlFiles(join(dir, e.name))) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

describe("SQL region predicates", () => {
  it("no server module writes LIKE on a code by hand", () => {
    const offenders = sqlFiles(join(ROOT, "server")).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .map((line, i) => ({ line, at: `${relative(ROOT, file)}:${i + 1}` }))
        .filter(({ line }) => /\bLIKE\b/.test(line) && !line.trimStart().startsWith("//") && !line.trimStart().startsWith("*"))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });
});
