import { createServer } from "node:http";
import { openRuntime, exitWithReason } from "./runtime.ts";
import { createApp } from "./app.ts";
import { isEmpty, seedDemo } from "./demo/seed-demo.service.ts";

class PortInUseError extends Error {}

async function main() {
  const { config, logger, db, nikKey } = await openRuntime();
  if (await isEmpty(db)) {
    logger.info("The database is empty: loading the demo (synthetic worker numbers).");
    await seedDemo(db, {
      regency: config.DEMO_REGENCY,
      seed: config.DEMO_SEED,
      boundaries: config.BOUNDARIES,
      urlTemplate: config.BOUNDARIES_URL_TEMPLATE,
      nikKey,
      logger,
    });
  }
  const { app, lifecycle, close } = await createApp(db, { ...config, nikKey }, logger);
  const server = createServer(app);
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new PortInUseError(
              `Port ${config.PORT} is already in use: stop the other program or set PORT to a free port (e.g. PORT=4001 npm start).`,
            )
          : error,
      ),
    );
    server.listen(config.PORT, config.HOST, () => resolveListen());
  });
  const url = `http://localhost:${config.PORT}/`;
  logger.info(`Cakupan is ready at ${url} (GraphQL: ${url}graphql)`);
  console.log(`\n  Cakupan: ${url}\n  GraphQL: ${url}graphql\n`);
  // Graceful stop (a rolling restart): /readyz turns 503, no new connections are accepted, requests
  // in flight finish (their connections are closed after SHUTDOWN_TIMEOUT_SECONDS), then Apollo, the
  // cache and the database pools close and the process exits 0.
  const stop = async (signal: NodeJS.Signals) => {
    lifecycle.stopping = true;
    logger.info(`${signal}: finishing the requests in flight, then stopping.`);
    const drained = new Promise<void>((resolveClosed) => server.close(() => resolveClosed()));
    server.closeIdleConnections();
    const force = setTimeout(() => server.closeAllConnections(), config.SHUTDOWN_TIMEOUT_SECONDS * 1000).unref();
    await drained;
    clearTimeout(force);
    await close();
    await db.close();
    logger.info("Stopped.");
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT").catch(exitWithReason));
  process.once("SIGTERM", () => void stop("SIGTERM").catch(exitWithReason));
}

main().catch(exitWithReason);
