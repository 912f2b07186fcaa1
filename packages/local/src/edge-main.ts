import { serve } from "@hono/node-server";
import worker from "@wwhd/edge/worker.ts";

/**
 * `npm run edge`: the edge Worker, unchanged, served by Node in front of a local origin (see the
 * README). Its configuration comes from the environment, as a Worker's bindings would.
 */
const port = Number(process.env.EDGE_PORT ?? 8788);
// Node has no execution context: pending work simply finishes in the background.
const context = { waitUntil: () => undefined, passThroughOnException: () => undefined, props: {} };

serve({ fetch: (request) => worker.fetch(request, { ...process.env }, context), port }, (info) =>
  console.log(`W.W.H.D. edge proxy on http://localhost:${info.port}`),
);
