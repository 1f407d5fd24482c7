import { execFileSync, spawn } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freePort } from "../../scripts/free-port.ts";

/** The local PostgreSQL server (the server-mode tests' own, else the machine's at 127.0.0.1:5432). */
export const LOCAL_SERVER = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

const REPLICATION_LINE = "host replication all 127.0.0.1/32 trust";

async function adminQuery<T = Record<string, unknown>>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * Lets 127.0.0.1 open replication connections without a password (pg_basebackup, a standby), as
 * .ci/run does: appended to the server's pg_hba.conf once, then the configuration is reloaded.
 */
export async function allowLocalReplication(adminUrl = LOCAL_SERVER): Promise<void> {
  const [{ hba_file: hba }] = await adminQuery<{ hba_file: string }>(adminUrl, "SHOW hba_file");
  const lines = readFileSync(hba!, "utf8");
  if (/^\s*host\s+replication\s+all\s+127\.0\.0\.1\/32\s+trust\s*$/m.test(lines)) return;
  writeFileSync(hba!, `${lines.endsWith("\n") ? lines : `${lines}\n`}${REPLICATION_LINE}\n`);
  await adminQuery(adminUrl, "SELECT pg_reload_conf()");
}

export interface Replica {
  port: number;
  /** The URL of `database` on the replica. */
  url(database: string): string;
  /** Stops replaying WAL (the replica falls behind) / goes on. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Stops the replica's postmaster (fast shutdown: its sessions are ended) and waits for it. */
  stop(): Promise<void>;
  /** Stops it if running and removes its data directory. */
  close(): Promise<void>;
}

/**
 * A streaming replica of the local server, made the way an operator would: `pg_basebackup -R -X
 * stream` as the postgres user into a temporary directory (0700, owned by postgres), then a second
 * postmaster on a free port replaying the primary's WAL as it comes. Resolves once it accepts queries.
 */
export async function startReplica(adminUrl = LOCAL_SERVER): Promise<Replica> {
  await allowLocalReplication(adminUrl);
  const primary = new URL(adminUrl);
  const bin = execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
  const home = mkdtempSync(join(tmpdir(), "cakupan-replica-"));
  chownSync(home, uid, gid);
  chmodSync(home, 0o700);
  const data = join(home, "data");
  const asPostgres = (command: string, args: string[]) => ["-u", "postgres", "--", command, ...args];
  execFileSync(
    "runuser",
    asPostgres(join(bin, "pg_basebackup"), [
      "-h",
      primary.hostname,
      "-p",
      primary.port || "5432",
      "-U",
      "postgres",
      "-D",
      data,
      "-R",
      "-X",
      "stream",
      "-c",
      "fast",
    ]),
    { stdio: "pipe" },
  );
  // Debian keeps postgresql.conf and pg_hba.conf in /etc, so the copy has none of its own.
  for (const [file, text] of [
    ["postgresql.conf", "hot_standby = on\n"],
    ["pg_hba.conf", "local all all trust\nhost all all 127.0.0.1/32 trust\n"],
    ["pg_ident.conf", ""],
  ] as const) {
    writeFileSync(join(data, file), text);
    chownSync(join(data, file), uid, gid);
  }
  const port = await freePort();
  const postmaster = spawn(
    "runuser",
    asPostgres(join(bin, "postgres"), [
      "-D",
      data,
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      `unix_socket_directories=${home}`,
    ]),
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  postmaster.stdout!.on("data", (c) => (log += c));
  postmaster.stderr!.on("data", (c) => (log += c));
  const exited = new Promise<void>((resolve) => postmaster.once("exit", () => resolve()));
  const url = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  const superuser = (text: string) => adminQuery(url("postgres"), text);
  let running = true;
  const stop = async () => {
    if (!running) return;
    running = false;
    const pid = Number(readFileSync(join(data, "postmaster.pid"), "utf8").split("\n")[0]);
    process.kill(pid, "SIGINT");
    await exited;
  };
  for (const deadline = Date.now() + 60_000; ;) {
    const ready = await superuser("SELECT pg_is_in_recovery() AS r").then(
      ([row]) => row?.r === true,
      () => false,
    );
    if (ready) break;
    if (postmaster.exitCode != null || Date.now() > deadline) {
      rmSync(home, { recursive: true, force: true });
      throw new Error(`the replica did not start: ${log}`);
    }
    await new Promise((ok) => setTimeout(ok, 200));
  }
  return {
    port,
    url,
    pauseReplay: async () => void (await superuser("SELECT pg_wal_replay_pause()")),
    resumeReplay: async () => void (await superuser("SELECT pg_wal_replay_resume()")),
    stop,
    async close() {
      await stop().catch(() => undefined);
      rmSync(home, { recursive: true, force: true });
    },
  };
}
