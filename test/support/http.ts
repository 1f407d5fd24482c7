import type { AddressInfo } from "node:net";
import { pino } from "pino";
import type { Database } from "../../server/db/database.ts";
import { createApp } from "../../server/app.ts";
import { loadConfig } from "../../server/config.ts";
import { ADMIN } from "./graphql.ts";
import { openSeededDatabase } from "./seeded.ts";

export interface RunningApp {
  url: string;
  close(): Promise<void>;
}

/** The real HTTP app (GraphQL, exports, client) on a free port over a test database; `env`: more configuration. */
export async function startApp(db: Database, env: NodeJS.ProcessEnv = {}, logger = pino({ level: "silent" })): Promise<RunningApp> {
  const config = loadConfig({ ADMIN_TOKEN: ADMIN, ...env });
  const { app, close } = await createApp(db, config, logger);
  const server = app.listen(0, "127.0.0.1");
  await new Promise((ok) => server.once("listening", ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise((ok) => server.close(ok));
      await close();
    },
  };
}

/** A copy of the seeded demo database with the HTTP app over it (`env`: more configuration); `close` stops both. */
export async function openSeededApp(env: NodeJS.ProcessEnv = {}): Promise<{ db: Database; app: RunningApp; close(): Promise<void> }> {
  const db = await openSeededDatabase();
  const app = await startApp(db, env);
  return {
    db,
    app,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

/** POSTs one GraphQL operation to the app; the HTTP status and the JSON body. */
export async function postGraphql(url: string, query: string, variables?: Record<string, unknown>, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as { data?: any; errors?: any[] },
  };
}

/** fetch options sending the test admin token (plan exports need a planner, analyst or admin). */
export const AS_ADMIN = { headers: { authorization: `Bearer ${ADMIN}` } };
