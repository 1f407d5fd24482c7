import { createServer } from "node:net";

/** A TCP port free on 127.0.0.1 right now (for a server started next). */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer()
      .once("error", fail)
      .listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => ok(port));
      });
  });
}
