// npm run users -- add|list|role|password|revoke|token|tokens: accounts from the command line
// (the first admin is made here). Passwords are read without echo: from a prompt, from standard
// input with --password-stdin, or from CAKUPAN_PASSWORD; never from an argument.
import { parseArgs } from "node:util";
import { openRuntime, exitWithReason, print } from "../runtime.ts";
import { DomainError } from "../common/errors.ts";
import { Accounts } from "../people/accounts.ts";
import { audit } from "../people/audit.ts";

const USAGE = `Usage: npm run users -- <command>
  add <login> --role viewer|planner|analyst|admin [--region CODE]... [--name "Display name"] [--password-stdin | --no-password]
  list
  role <login> <role> [--region CODE]...
  password <login> [--password-stdin]
  revoke <login>                  disable the user: sessions end, tokens revoked
  revoke --token <id>             revoke one API token
  token <login> --name <what for> [--days N]   a new API token, shown once
  tokens <login>                  the user's API tokens
The password comes from a prompt (not echoed), standard input (--password-stdin) or CAKUPAN_PASSWORD.`;

class UsageError extends Error {}

const CLI = { name: "cli", role: "admin" as const };

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

/** Asks for a password on the terminal without echoing it. */
function prompt(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    let typed = "";
    const onData = (data: Buffer) => {
      for (const ch of data.toString("utf8")) {
        if (ch === "\r" || ch === "\n") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          process.stderr.write("\n");
          return resolve(typed);
        }
        if (ch === "\u0003") {
          stdin.setRawMode(false);
          return reject(new UsageError("Cancelled."));
        }
        if (ch === "\u007f") typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on("data", onData);
  });
}

async function password(fromStdin: boolean | undefined): Promise<string> {
  if (fromStdin) return readStdin();
  if (process.env.CAKUPAN_PASSWORD) return process.env.CAKUPAN_PASSWORD;
  if (!process.stdin.isTTY)
    throw new UsageError(
      'No password: give it with --password-stdin (e.g. `printf %s "$PW" | npm run users -- add ...`) or CAKUPAN_PASSWORD.',
    );
  const first = await prompt("Password: ");
  if ((await prompt("Again: ")) !== first) throw new UsageError("The two passwords differ; nothing changed.");
  return first;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "-");

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      role: { type: "string" },
      region: { type: "string", multiple: true },
      name: { type: "string" },
      days: { type: "string" },
      token: { type: "string" },
      "password-stdin": { type: "boolean" },
      "no-password": { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  const [command, login, role] = positionals;
  if (values.help || !command) return print(USAGE);
  const needLogin = () => {
    if (!login) throw new UsageError(`${command}: which login?\n${USAGE}`);
    return login;
  };
  const { db, config } = await openRuntime();
  const accounts = new Accounts(db);
  try {
    switch (command) {
      case "add": {
        const who = needLogin();
        if (!values.role) throw new UsageError(`add: --role is missing (viewer, planner, analyst or admin).\n${USAGE}`);
        const secret = values["no-password"] ? null : await password(values["password-stdin"]);
        const user = await accounts.add({
          login: who,
          role: values.role,
          displayName: values.name,
          password: secret,
          regions: values.region,
        });
        await audit(db, CLI, {
          action: "account",
          target: user.login,
          outcome: "ok",
          detail: { command, role: user.role, regions: user.regions },
        });
        return print(`Added ${user.login} (${user.role}${user.regions.length ? ` in ${user.regions.join(", ")}` : ""}).`);
      }
      case "list": {
        const users = await accounts.list();
        if (!users.length) return print("No users yet: add the first admin with `npm run users -- add <login> --role admin`.");
        for (const u of users)
          print(
            `${u.login}\t${u.role}${u.regions.length ? ` (${u.regions.join(", ")})` : ""}\t${u.displayName}${u.disabled ? "\tDISABLED" : ""}${u.hasPassword ? "" : "\tno password"}\t${u.activeTokens} token(s)`,
          );
        return;
      }
      case "role": {
        const who = needLogin();
        if (!role) throw new UsageError(`role: which role? viewer, planner, analyst or admin.\n${USAGE}`);
        const user = await accounts.setRole(who, role, values.region);
        await audit(db, CLI, {
          action: "account",
          target: user.login,
          outcome: "ok",
          detail: { command, role: user.role, regions: user.regions },
        });
        return print(`${user.login} is now ${user.role}${user.regions.length ? ` in ${user.regions.join(", ")}` : ""}.`);
      }
      case "password": {
        const who = needLogin();
        await accounts.setPassword(who, await password(values["password-stdin"]));
        await audit(db, CLI, { action: "account", target: who, outcome: "ok", detail: { command } });
        return print(`Password of ${who} changed; their sessions ended.`);
      }
      case "revoke": {
        if (values.token) {
          const id = Number(values.token);
          if (!Number.isInteger(id) || id < 1)
            throw new UsageError(`revoke: --token must be a token id (see \`tokens <login>\`), not "${values.token}".`);
          await accounts.revokeToken(id);
          await audit(db, CLI, { action: "account", target: `token ${id}`, outcome: "ok", detail: { command } });
          return print(`API token ${id} revoked.`);
        }
        const who = needLogin();
        const ended = await accounts.revokeUser(who);
        await audit(db, CLI, { action: "account", target: who, outcome: "ok", detail: { command, ...ended } });
        return print(`${who} disabled: ${ended.sessions} session(s) ended, ${ended.tokens} token(s) revoked.`);
      }
      case "token": {
        const who = needLogin();
        if (!values.name) throw new UsageError(`token: --name is missing (what the token is for, e.g. --name "monthly report").`);
        const days = values.days === undefined ? config.API_TOKEN_TTL_DAYS : Number(values.days);
        if (!Number.isInteger(days) || days < 1)
          throw new UsageError(`token: --days must be a whole number of days, 1 or more (got "${values.days}").`);
        const made = await accounts.createToken(who, values.name, days);
        await audit(db, CLI, { action: "account", target: who, outcome: "ok", detail: { command, tokenId: made.id, days } });
        print(
          `API token ${made.id} for ${who}, valid until ${day(made.expiresAt)} UTC. It is shown only now; send it as Authorization: Bearer <token>:`,
          "error",
        );
        return print(made.token);
      }
      case "tokens": {
        for (const t of await accounts.tokens(needLogin()))
          print(
            `${t.id}\t${t.name}\tcreated ${day(t.createdAt)}\texpires ${day(t.expiresAt)}\t${t.revokedAt ? `revoked ${day(t.revokedAt)}` : "active"}\tlast used ${day(t.lastUsedAt)}`,
          );
        return;
      }
      default:
        throw new UsageError(`Unknown command "${command}".\n${USAGE}`);
    }
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof DomainError) {
    print(error.message, "error");
    process.exit(1);
  }
  exitWithReason(error);
});
