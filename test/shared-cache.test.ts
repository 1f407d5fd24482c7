import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { createClient } from "@keyv/redis";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../server/db/database.ts";
import { postGraphql, startApp } from "./support/http.ts";
import { startPrivateRedis, type PrivateRedis } from "./support/redis-server.ts";
import { openSeededDatabase } from "./support/seeded.ts";

/** The machine's Redis; every key this file writes is under a prefix of its own, removed at the end. */
const MACHINE_REDIS = "redis://127.0.0.1:6379";
const PREFIX = `cakupan-test-${randomBytes(6).toString("hex")}`;
const DISTRICTS = `{ coverage(level: DISTRICT, parentCode: "35.26", first: 50) { totalCount edges { node { code workforce enrolled } } } }`;

/** A logger writing JSON lines into `lines`. */
function capturingLogger(lines: string[]) {
  return pino(
    { level: "info" },
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );
}

async function redisKeys(url: string, pattern: string): Promise<string[]> {
  const client = createClient({ url });
  await client.connect();
  try {
    return await client.keys(pattern);
  } finally {
    await client.close();
  }
}

let db: Database;
beforeAll(async () => {
  db = await openSeededDatabase();
});
afterAll(async () => {
  const client = createClient({ url: MACHINE_REDIS });
  await client.connect();
  const keys = await client.keys(`${PREFIX}*`);
  if (keys.length) await client.del(keys);
  await client.close();
  await db?.close();
});

describe("REDIS_URL: one response cache for every process", () => {
  it("an answer cached through one app is served by another app sharing the Redis, under REDIS_KEY_PREFIX", async () => {
    const env = { REDIS_URL: MACHINE_REDIS, REDIS_KEY_PREFIX: PREFIX };
    const [first, second] = [await startApp(db, env), await startApp(db, env)];
    try {
      const miss = await postGraphql(first.url, DISTRICTS);
      expect(miss.status).toBe(200);
      expect(miss.body.data.coverage.totalCount).toBe(18);
      expect(miss.headers.get("age"), "the first answer is computed").toBeNull();
      // Apollo writes the cache entry after the answer has gone.
      await expect.poll(() => redisKeys(MACHINE_REDIS, `${PREFIX}*`)).toHaveLength(1);

      const hit = await postGraphql(second.url, DISTRICTS);
      expect(hit.headers.get("age"), "the other app answers from the shared cache").not.toBeNull();
      expect(hit.body).toEqual(miss.body);
      const ready = (await (await fetch(`${second.url}/readyz`)).json()) as { cache: unknown };
      expect(ready.cache).toEqual({ store: "redis", state: "up" });
    } finally {
      await first.close();
      await second.close();
    }
  });

  describe("when Redis stops", () => {
    let redis: PrivateRedis;
    beforeAll(async () => {
      redis = await startPrivateRedis();
    });
    afterAll(() => redis?.stop());

    it("answers stay right (from the database), /readyz stays 200 saying the cache is down, the log warns; Redis back, the cache is used again", async () => {
      const lines: string[] = [];
      const app = await startApp(db, { REDIS_URL: redis.url, REDIS_KEY_PREFIX: PREFIX }, capturingLogger(lines));
      try {
        const before = await postGraphql(app.url, DISTRICTS);
        expect((await postGraphql(app.url, DISTRICTS)).headers.get("age")).not.toBeNull();

        await redis.stop();
        for (let i = 0; i < 5; i++) {
          const answer = await postGraphql(app.url, DISTRICTS);
          expect(answer.status).toBe(200);
          expect(answer.body).toEqual(before.body);
          expect(answer.headers.get("age"), "not from a cache").toBeNull();
        }
        const other = await postGraphql(app.url, `{ periods }`);
        expect(other.status).toBe(200);
        expect(other.body.errors).toBeUndefined();
        const ready = await fetch(`${app.url}/readyz`);
        expect(ready.status).toBe(200);
        expect(((await ready.json()) as { cache: unknown }).cache).toMatchObject({ store: "redis", state: "down" });
        const warnings = lines.map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level === 40);
        expect(warnings.map((w) => w.msg)).toEqual([
          "Redis cannot be reached: answers come from the database, uncached, until it is back.",
        ]);

        await redis.restart();
        await expect
          .poll(async () => ((await (await fetch(`${app.url}/readyz`)).json()) as { cache: { state: string } }).cache.state, {
            timeout: 20_000,
          })
          .toBe("up");
        await postGraphql(app.url, DISTRICTS);
        expect((await postGraphql(app.url, DISTRICTS)).headers.get("age"), "cached again").not.toBeNull();
      } finally {
        await app.close();
      }
    });
  });
});
