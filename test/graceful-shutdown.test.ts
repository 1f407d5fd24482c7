import { mkdtempSync, rmSync } from "node:fs";
import { request, type IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { spawnSeededServer } from "./support/processes.ts";

const work = mkdtempSync(join(tmpdir(), "cakupan-shutdown-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const readBody = (response: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let text = "";
    response.setEncoding("utf8");
    response.on("data", (chunk: string) => (text += chunk));
    response.on("end", () => resolve(text));
    response.on("error", reject);
  });

describe("graceful shutdown (a rolling restart)", () => {
  it("on SIGTERM stops accepting connections, finishes the request in flight, closes its pools and exits 0", async () => {
    const server = await spawnSeededServer(work, { LOG_LEVEL: "info", LOG_FORMAT: "json" });
    try {
      // Bangkalan has 18 districts (Kemendagri), whatever the demo's worker numbers.
      const body = JSON.stringify({ query: `{ coverage(level: DISTRICT, parentCode: "35.26", first: 50) { totalCount } }` });
      // Expect: 100-continue: the server says "continue" once it has read the headers, so the request
      // is in flight on the server before the signal; its body is sent only after the signal.
      const inFlight = request(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), expect: "100-continue" },
      });
      const answered = new Promise<IncomingMessage>((resolve, reject) => inFlight.once("response", resolve).once("error", reject));
      const continued = new Promise<void>((resolve) => inFlight.once("continue", () => resolve()));
      inFlight.flushHeaders();
      await continued;

      server.run.child.kill("SIGTERM");
      await expect
        .poll(
          () =>
            fetch(`${server.url}/healthz`).then(
              () => "accepted",
              () => "refused",
            ),
          { timeout: 30_000, interval: 100 },
        )
        .toBe("refused");
      expect(server.run.child.exitCode, "still running while a request is in flight").toBeNull();

      inFlight.end(body);
      const response = await answered;
      expect(response.statusCode).toBe(200);
      expect(JSON.parse(await readBody(response))).toEqual({ data: { coverage: { totalCount: 18 } } });

      const finished = await server.run.finished;
      expect(finished.code).toBe(0);
      expect(finished.stdout).toMatch(/SIGTERM: finishing the requests in flight/);
      expect(finished.stdout).toMatch(/"msg":"Stopped."/);
    } finally {
      await server.close();
    }
  });
});
