import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AdapterHealth, HealthReporter } from "@wwhd/core/ports/adapter-health.ts";

const AdapterHealthSchema = z.object({
  kind: z.string(),
  status: z.enum(["ok", "degraded", "down"]),
  detail: z.string().optional(),
});

const HealthSchema = z.object({
  status: z.enum(["ok", "degraded", "down"]),
  adapters: z.record(z.string(), AdapterHealthSchema),
});

const route = createRoute({
  method: "get",
  path: "/health",
  responses: {
    200: {
      description: "Every adapter is usable",
      content: { "application/json": { schema: HealthSchema } },
    },
    503: {
      description: "An adapter is down",
      content: { "application/json": { schema: HealthSchema } },
    },
  },
});

async function check(reporter: HealthReporter): Promise<AdapterHealth> {
  try {
    return await reporter.health();
  } catch (error) {
    return { kind: "unknown", status: "down", detail: String(error) };
  }
}

/** `GET /health`: each adapter's kind and status; 503 when any is down. */
export function healthRoutes(adapters: Record<string, HealthReporter>) {
  return new OpenAPIHono().openapi(route, async (c) => {
    const entries = await Promise.all(
      Object.entries(adapters).map(
        async ([name, reporter]) => [name, await check(reporter)] as const,
      ),
    );
    const report = Object.fromEntries(entries);
    const statuses = entries.map(([, health]) => health.status);
    const status = statuses.includes("down")
      ? "down"
      : statuses.includes("degraded")
        ? "degraded"
        : "ok";
    return c.json({ status, adapters: report }, status === "down" ? 503 : 200);
  });
}
