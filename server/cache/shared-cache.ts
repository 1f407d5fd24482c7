import { KeyvAdapter } from "@apollo/utils.keyvadapter";
import type { KeyValueCache, KeyValueCacheSetOptions } from "@apollo/utils.keyvaluecache";
import KeyvRedis, { createClient } from "@keyv/redis";
import { Keyv } from "keyv";
import type { Logger } from "pino";
import { withTimeout } from "../common/timeout.ts";

export interface CacheStatus {
  store: "memory" | "redis";
  state: "up" | "down";
  problem?: string;
}

/** Where the response cache lives: `cache` undefined = Apollo's own, in this process's memory. */
export interface SharedCache {
  cache?: KeyValueCache<string>;
  /** Asks the store now (Redis: PING, at most 1 s). */
  check(): Promise<CacheStatus>;
  close(): Promise<void>;
}

/** The adapter's types name keyv's CommonJS declarations, this file its ES module ones: the same class. */
type KeyvOfAdapter = ConstructorParameters<typeof KeyvAdapter<string>>[0];

/** Longest a cache read or write may take before the answer comes from the database instead. */
const REDIS_TIMEOUT_MS = 500;

/**
 * A cache that never fails a request: while Redis cannot answer (down, unreachable, slower than
 * REDIS_TIMEOUT_MS), every read is a miss and every write is dropped, so answers come from the
 * database; the change is logged once each way.
 */
class DegradingCache implements KeyValueCache<string> {
  problem: string | null = null;

  constructor(
    private readonly inner: KeyValueCache<string>,
    /** Why Redis cannot take a command now, or null when it can. */
    private readonly unavailable: () => string | null,
    private readonly logger: Logger,
  ) {}

  get(key: string) {
    return this.#attempt(() => this.inner.get(key), undefined);
  }
  set(key: string, value: string, options?: KeyValueCacheSetOptions) {
    return this.#attempt(() => this.inner.set(key, value, options), undefined);
  }
  delete(key: string) {
    return this.#attempt(() => this.inner.delete(key), false);
  }

  async #attempt<T>(operation: () => Promise<T>, fallback: T): Promise<T> {
    const reason = this.unavailable();
    if (reason) return (this.down(new Error(reason)), fallback);
    try {
      const value = await withTimeout(operation(), REDIS_TIMEOUT_MS);
      this.up();
      return value;
    } catch (error) {
      this.down(error);
      return fallback;
    }
  }

  down(error: unknown) {
    if (this.problem) return;
    this.problem = (error as Error).message || String(error);
    this.logger.warn({ problem: this.problem }, "Redis cannot be reached: answers come from the database, uncached, until it is back.");
  }
  up() {
    if (!this.problem) return;
    this.problem = null;
    this.logger.info("Redis answers again: the shared response cache is in use.");
  }
}

/**
 * The response cache: with `url`, Redis through Apollo's Keyv adapter (keys under `prefix:`),
 * shared by every process; without, Apollo's in-memory cache. Redis down never fails a request
 * (DegradingCache); the client reconnects by itself.
 */
export async function openSharedCache(url: string | undefined, prefix: string, logger: Logger): Promise<SharedCache> {
  if (!url) return { check: async () => ({ store: "memory", state: "up" }), close: async () => {} };
  const client = createClient({
    url,
    disableOfflineQueue: true, // while disconnected a command fails at once instead of waiting
    socket: { connectTimeout: 1000, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000) },
  });
  const keyv = new Keyv({
    store: new KeyvRedis(client, { throwOnErrors: true, throwOnConnectError: true }),
    namespace: prefix, // Keyv hands it to the store: keys are `<prefix>::<Apollo's key>`
    useKeyPrefix: false,
    throwOnErrors: true,
  });
  let lastError = "not connected yet";
  const unavailable = () => (client.isReady ? null : `not connected (${lastError})`);
  const degrading = new DegradingCache(new KeyvAdapter(keyv as unknown as KeyvOfAdapter), unavailable, logger);
  keyv.on("error", () => undefined); // reported by DegradingCache
  client.on("error", (error: Error) => {
    lastError = error.message || String(error);
    degrading.down(error);
  });
  client.on("ready", () => degrading.up());
  // The first connection is waited for (1 s at most), so the first requests do not miss it.
  const connecting = client.connect().catch((error: unknown) => degrading.down(error));
  await withTimeout(connecting, 1000).catch(() => undefined);
  return {
    cache: degrading,
    async check() {
      try {
        const reason = unavailable();
        if (reason) throw new Error(reason);
        await withTimeout(client.ping(), 1000);
        return { store: "redis", state: "up" };
      } catch (error) {
        return { store: "redis", state: "down", problem: (error as Error).message };
      }
    },
    async close() {
      if (client.isOpen) await client.close().catch(() => client.destroy());
      else client.destroy();
    },
  };
}
