import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../server/db/database.ts";
import { listMigrations, migrate } from "../server/db/migrate.ts";
import { openTestDatabase } from "./support/db.ts";

interface ExpectedColumn {
  table: string;
  column: string;
  nullable: boolean;
  unsupported: string | null;
}

const SCALARS = new Set(["String", "Int", "Float", "Boolean", "DateTime", "Json", "Decimal", "BigInt", "Bytes"]);

/** Reads the models and enums of schema.prisma: the columns each model maps to. */
function parsePrismaSchema(text: string) {
  const enums = new Map<string, string[]>();
  for (const m of text.matchAll(/^enum (\w+) \{([^}]*)\}/gm))
    enums.set(
      m[1],
      m[2]
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => /^\w+$/.test(l)),
    );
  const columns: ExpectedColumn[] = [];
  for (const m of text.matchAll(/^model (\w+) \{([^}]*)\}/gm)) {
    const table = /@@map\("(\w+)"\)/.exec(m[2])?.[1] ?? m[1];
    for (const line of m[2].split("\n").map((l) => l.trim())) {
      const f = /^(\w+)\s+(Unsupported\("([^"]+)"\)|\w+)(\[\])?(\?)?/.exec(line);
      if (!f || line.startsWith("@@")) continue;
      const type = f[2];
      if (!f[3] && !SCALARS.has(type) && !enums.has(type)) continue; // relation field
      columns.push({
        table,
        column: /@map\("(\w+)"\)/.exec(line)?.[1] ?? f[1],
        nullable: !!f[5] || (!!f[4] && !line.includes("@default")),
        unsupported: f[3] ?? null,
      });
    }
  }
  // Foreign keys: each relation field holding `fields` and `references`, as table(columns) -> table(columns).
  const models = new Map<string, { table: string; column: (field: string) => string; body: string }>();
  for (const m of text.matchAll(/^model (\w+) \{([^}]*)\}/gm)) {
    const mapped = new Map([...m[2].matchAll(/^\s*(\w+)\s+\S+.*@map\("(\w+)"\)/gm)].map((f) => [f[1], f[2]]));
    models.set(m[1], { table: /@@map\("(\w+)"\)/.exec(m[2])?.[1] ?? m[1], column: (f) => mapped.get(f) ?? f, body: m[2] });
  }
  const foreignKeys: string[] = [];
  for (const model of models.values())
    for (const r of model.body.matchAll(/^\s*\w+\s+(\w+)\??\s+@relation\([^)]*fields: \[([^\]]+)\], references: \[([^\]]+)\]/gm)) {
      const target = models.get(r[1])!;
      const list = (names: string, of: typeof model) =>
        names
          .split(",")
          .map((n) => of.column(n.trim()))
          .join(",");
      foreignKeys.push(`${model.table}(${list(r[2], model)}) -> ${target.table}(${list(r[3], target)})`);
    }
  return { enums, columns, foreignKeys };
}

describe("schema.prisma and prisma/migrations agree", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db?.close());

  const schema = parsePrismaSchema(readFileSync(new URL("../prisma/schema.prisma", import.meta.url), "utf8"));

  it("creates every column the schema declares, with the same nullability and geometry type", async () => {
    const rows = await db.sql.query<{ table_name: string; column_name: string; is_nullable: string; type: string }>(
      `SELECT c.table_name, c.column_name, c.is_nullable, format_type(a.atttypid, a.atttypmod) AS type
       FROM information_schema.columns c
       JOIN pg_attribute a ON a.attrelid = (quote_ident(c.table_schema) || '.' || quote_ident(c.table_name))::regclass AND a.attname = c.column_name
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
       WHERE c.table_schema = current_schema() AND c.table_name <> '_prisma_migrations' AND c.table_name <> 'spatial_ref_sys'`,
    );
    const actual = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r]));
    expect(schema.columns.length).toBeGreaterThan(50);
    for (const c of schema.columns) {
      const found = actual.get(`${c.table}.${c.column}`);
      expect(found, `${c.table}.${c.column} is in schema.prisma but not in the migrations`).toBeDefined();
      if (!c.column.endsWith("target_sectors")) expect(found!.is_nullable === "YES", `${c.table}.${c.column} nullability`).toBe(c.nullable);
      if (c.unsupported) expect(found!.type.replace(/\s/g, "").toLowerCase()).toBe(c.unsupported.replace(/\s/g, "").toLowerCase());
    }
    const declared = new Set(schema.columns.map((c) => `${c.table}.${c.column}`));
    for (const key of actual.keys()) expect(declared.has(key), `${key} is in the migrations but not in schema.prisma`).toBe(true);
  });

  it("creates every enum with the same values", async () => {
    const rows = await db.sql.query<{ name: string; values: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    const actual = new Map(rows.map((r) => [r.name, r.values]));
    for (const [name, values] of schema.enums) expect(actual.get(name), name).toEqual(values);
  });

  it("has exactly the foreign keys the schema's relations declare", async () => {
    const rows = await db.sql.query<{ key: string }>(
      `SELECT c.conrelid::regclass::text || '(' || (SELECT string_agg(a.attname, ',' ORDER BY k.i) FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) || ') -> ' ||
              c.confrelid::regclass::text || '(' || (SELECT string_agg(a.attname, ',' ORDER BY k.i) FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) || ')' AS key
       FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`,
    );
    expect(schema.foreignKeys.length).toBeGreaterThan(5);
    expect(rows.map((r) => r.key).sort()).toEqual([...schema.foreignKeys].sort());
  });

  it("has GiST indexes on every geometry column used for spatial search", async () => {
    const rows = await db.sql.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE indexdef ILIKE '%USING gist%'`);
    const defs = rows.map((r) => r.indexdef).join("\n");
    for (const column of ["region USING gist (geom)", "fertilizer_point USING gist (geom)", "region USING gist (centroid)"])
      expect(defs).toContain(column);
  });

  it("records migrations as Prisma Migrate does, and applying them again changes nothing", async () => {
    const recorded = await db.sql.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(recorded.map((r) => [r.migration_name, r.checksum])).toEqual(listMigrations().map((m) => [m.name, m.checksum]));
    expect(await migrate(db.sql)).toEqual([]);
  });

  it("refuses a migration edited after it was applied", async () => {
    const [first] = listMigrations();
    await expect(migrate(db.sql, [{ ...first, checksum: "0".repeat(64) }])).rejects.toThrow(/was changed after it was applied/);
  });
});
