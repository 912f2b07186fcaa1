import { serve } from "@hono/node-server";
import { ConfigError, loadConfig } from "@wwhd/core/config/config.ts";
import { composeLocal } from "./compose-local.ts";

/** `npm start`: the whole service on one machine, on the embedded defaults unless configured. */
async function main(): Promise<void> {
  const config = loadConfig();
  const runtime = await composeLocal(config);
  const server = serve(
    { fetch: runtime.app.fetch, port: config.PORT, hostname: "0.0.0.0" },
    (info) =>
      runtime.logger.info(`W.W.H.D. listening on http://localhost:${info.port}`, {
        dataDir: config.WWHD_DATA_DIR,
      }),
  );

  const shutdown = async (signal: string) => {
    runtime.logger.info("shutting down", { signal });
    server.close();
    await runtime.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error("W.W.H.D. could not start:", error);
  process.exit(1);
});
