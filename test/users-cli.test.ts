// `npm run users` as a real process (issue 15): accounts, roles, tokens and revocation; passwords
// from standard input or CAKUPAN_PASSWORD and never printed; one clear message per mistake.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type Database } from "../server/db/database.ts";
import type { ScratchDatabase } from "../server/db/scratch.ts";
import { Accounts } from "../server/people/accounts.ts";
import { spawnTsx, type Finished } from "./support/processes.ts";
import { openSeededDatabase, TEST_NIK_KEY } from "./support/seeded.ts";

const PASSWORD = "tanah-garam-2026";

describe("npm run users", () => {
  const work = mkdtempSync(join(tmpdir(), "cakupan-users-"));
  let database: NodeJS.ProcessEnv;
  let scratch: Database | undefined;
  beforeAll(async () => {
    const fixture = inject("seededFixture");
    if (fixture.kind === "embedded") {
      const db = await openDatabase({ dataDir: join(work, "pgdata"), snapshot: new Blob([readFileSync(fixture.file)]) });
      await db.close();
      database = { DATA_DIR: join(work, "pgdata") };
    } else {
      scratch = await openSeededDatabase();
      database = { DATABASE_URL: (scratch as ScratchDatabase).url! };
    }
  });
  afterAll(async () => {
    await scratch?.close();
    rmSync(work, { recursive: true, force: true });
  });

  const users = (args: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Finished> => {
    const run = spawnTsx("server/cli/users.ts", args, { ...database, NIK_HASH_KEY: TEST_NIK_KEY, LOG_LEVEL: "warn", ...options.env });
    if (options.stdin !== undefined) run.child.stdin!.end(options.stdin);
    else run.child.stdin!.end();
    return run.finished;
  };
  /** The database, while no CLI runs (embedded: one process at a time). */
  const inDatabase = async <T>(fn: (db: Database) => Promise<T>): Promise<T> => {
    const db = scratch ?? (await openDatabase({ dataDir: join(work, "pgdata") }));
    try {
      return await fn(db);
    } finally {
      if (!scratch) await db.close();
    }
  };

  it("adds the first admin with the password from standard input, stored as argon2id and never printed", async () => {
    const added = await users(["add", "Boss", "--role", "admin", "--name", "Ibu Kepala", "--password-stdin"], { stdin: `${PASSWORD}\n` });
    expect(added.stderr).not.toMatch(/Error|stopped/);
    expect(added.code).toBe(0);
    expect(added.stdout.trim()).toBe("Added boss (admin).");
    expect(added.stdout + added.stderr).not.toContain(PASSWORD);
    const planner = await users(["add", "pak", "--role", "planner", "--region", "35.26.05", "--region", "35.26.01.1001"], {
      env: { CAKUPAN_PASSWORD: PASSWORD },
    });
    expect(planner.stdout.trim()).toBe("Added pak (planner in 35.26.01.1001, 35.26.05).");
    await inDatabase(async (db) => {
      const rows = await db.sql.query<{ login: string; role: string; display_name: string; password_hash: string }>(
        `SELECT login, role::text, display_name, password_hash FROM app_user ORDER BY login`,
      );
      expect(rows.map((r) => [r.login, r.role, r.display_name])).toEqual([
        ["boss", "admin", "Ibu Kepala"],
        ["pak", "planner", "pak"],
      ]);
      for (const r of rows) {
        expect(r.password_hash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
        expect(r.password_hash).not.toContain(PASSWORD);
      }
      const signedIn = await new Accounts(db).signIn("pak", PASSWORD, 1);
      expect(signedIn?.viewer).toMatchObject({ role: "planner", regions: ["35.26.01.1001", "35.26.05"] });
    });
  });

  it("refuses mistakes with one clear message each, changing nothing", async () => {
    const cases: [string[], RegExp][] = [
      [["add", "p2", "--role", "planner"], /a planner needs at least one region code/],
      [["add", "p2", "--role", "planner", "--region", "35.26.99"], /no region with code 35\.26\.99/],
      [["add", "p2", "--role", "boss"], /role "boss" is not one of viewer, planner, analyst, admin/],
      [["add", "pak", "--role", "viewer"], /login "pak" is taken/],
      [["add", "p2", "--role", "viewer", "--password-stdin"], /the password must be at least 10 characters/],
      [["role", "nobody", "viewer"], /no user "nobody"/],
      [["frobnicate"], /Unknown command "frobnicate"/],
    ];
    for (const [args, message] of cases) {
      const run = await users(args, {
        stdin: args.includes("--password-stdin") ? "short" : undefined,
        env: { CAKUPAN_PASSWORD: PASSWORD },
      });
      expect(run.code, args.join(" ")).toBe(1);
      expect(run.stderr, args.join(" ")).toMatch(message);
      expect(run.stderr).not.toMatch(/\bat \S+:\d+|Cakupan stopped/);
    }
    const noPassword = await users(["add", "p3", "--role", "viewer"]);
    expect(noPassword.code).toBe(1);
    expect(noPassword.stderr).toMatch(/No password: give it with --password-stdin/);
    expect(await inDatabase((db) => db.sql.query(`SELECT login FROM app_user WHERE login IN ('p2', 'p3')`))).toEqual([]);
  });

  it("changes roles, makes an API token shown once, lists, and revokes a token and a user", async () => {
    expect((await users(["role", "pak", "analyst"])).stdout.trim()).toBe("pak is now analyst.");
    const made = await users(["token", "pak", "--name", "monthly report", "--days", "7"]);
    expect(made.code).toBe(0);
    const token = made.stdout.trim();
    expect(token).toMatch(/^cka_[\w-]{43}$/);
    expect(made.stderr).toMatch(/API token (\d+) for pak, valid until \d{4}-\d\d-\d\d \d\d:\d\d UTC\. It is shown only now/);
    const id = Number(/API token (\d+)/.exec(made.stderr)![1]);
    const listed = await users(["list"]);
    expect(listed.stdout).toMatch(/^boss\tadmin\tIbu Kepala\t0 token\(s\)$/m);
    expect(listed.stdout).toMatch(/^pak\tanalyst\tpak\t1 token\(s\)$/m);
    expect(listed.stdout).not.toContain(token);
    await inDatabase(async (db) => {
      expect(await new Accounts(db).tokenViewer(token)).toMatchObject({ role: "analyst", name: "pak", kind: "api-token" });
      expect(JSON.stringify(await db.sql.query(`SELECT * FROM api_token`))).not.toContain(token);
    });
    expect((await users(["revoke", "--token", String(id)])).stdout.trim()).toBe(`API token ${id} revoked.`);
    await inDatabase(async (db) => expect(await new Accounts(db).tokenViewer(token)).toBe('The token "monthly report" was revoked.'));
    // The session signed in in the first test ends; the token was revoked already.
    expect((await users(["revoke", "pak"])).stdout.trim()).toBe("pak disabled: 1 session(s) ended, 0 token(s) revoked.");
    await inDatabase(async (db) => {
      expect(await new Accounts(db).signIn("pak", PASSWORD, 1)).toBeNull();
      const log = await db.sql.query<{ actor: string; target: string; detail: { command: string } }>(
        `SELECT actor, target, detail FROM audit_log WHERE action = 'account' ORDER BY id`,
      );
      expect(log.map((e) => [e.actor, e.target, e.detail.command])).toEqual([
        ["cli", "boss", "add"],
        ["cli", "pak", "add"],
        ["cli", "pak", "role"],
        ["cli", "pak", "token"],
        ["cli", `token ${id}`, "revoke"],
        ["cli", "pak", "revoke"],
      ]);
    });
  });
});
