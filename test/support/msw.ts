import { type SetupServer, setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * An msw server for one test file: it intercepts `fetch` from the first test to the last, fails
 * any request to the outside that no handler expects (loopback traffic, e.g. DynamoDB Local,
 * passes), and forgets per-test handlers after each test. Create HTTP clients (OpenAI, Qdrant)
 * inside tests or hooks: some keep the `fetch` found at construction.
 */
export function useMsw(): SetupServer {
  const server = setupServer();
  beforeAll(() =>
    server.listen({
      onUnhandledFrame({ frame, defaults }) {
        const request = (frame.data as { request?: Request } | undefined)?.request;
        if (request && LOOPBACK.has(new URL(request.url).hostname)) return;
        defaults.error();
      },
    }),
  );
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}
