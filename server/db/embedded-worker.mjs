// Entry of the embedded database's worker thread (see embedded-thread.ts). The worker runs
// TypeScript: when the thread has a loader for it (tsx's, where workers inherit it) it is used;
// else (Node 20 workers, vitest, plain node) tsx is registered here first. A failed import is
// remembered, so the second one asks for the module under another URL.
try {
  await import("./embedded-worker.ts");
} catch (error) {
  if (error?.code !== "ERR_UNKNOWN_FILE_EXTENSION") throw error;
  const { register } = await import("tsx/esm/api");
  register();
  await import("./embedded-worker.ts?tsx");
}
