import { type SetupServer, setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";

/**
 * An msw server for one test file: it intercepts `fetch` from the first test to the last, fails
 * any request no handler expects, and forgets per-test handlers after each test. Create HTTP
 * clients (OpenAI, Qdrant) inside tests or hooks: some keep the `fetch` found at construction.
 */
export function useMsw(): SetupServer {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}
