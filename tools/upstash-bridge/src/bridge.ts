import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import {
  type CommandOutcome,
  type ExecutionContext,
  executeOne,
  executePipeline,
  executeTransaction,
} from "./execute.ts";
import { type BridgeFaults, createFaults } from "./faults.ts";
import { ScriptMap } from "./script-map.ts";

export interface BridgeOptions {
  /** The real Redis behind the bridge, e.g. `redis://127.0.0.1:6379`. */
  redisUrl: string;
  /** The bearer token clients must present. */
  token: string;
  /** 0 or absent: a free port. */
  port?: number;
  /** Called for every authorised request, e.g. to count round trips in tests. */
  onRequest?: (path: string, body: unknown) => void;
}

export interface Bridge {
  /** What `UPSTASH_REDIS_REST_URL` should be. */
  url: string;
  token: string;
  faults: BridgeFaults;
  close(): Promise<void>;
}

type Route = (
  body: unknown,
  context: ExecutionContext,
) => Promise<CommandOutcome | CommandOutcome[]>;

const routes: Record<string, Route> = {
  "/": executeOne,
  "/pipeline": executePipeline,
  "/multi-exec": executeTransaction,
};

/** Upstash answers a failed single command (or a discarded transaction) with HTTP 400. */
const statusOf = (outcome: CommandOutcome | CommandOutcome[]) =>
  !Array.isArray(outcome) && "error" in outcome ? 400 : 200;

function sendJson(response: ServerResponse, status: number, body: unknown, syncToken?: number) {
  response.writeHead(status, {
    "content-type": "application/json",
    ...(syncToken !== undefined && { "upstash-sync-token": String(syncToken) }),
  });
  response.end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = Buffer.from(header ?? "");
  const expected = Buffer.from(`Bearer ${token}`);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

/**
 * An Upstash-REST-compatible server in front of a real redis-server, so the real `@upstash/redis`
 * and `@upstash/ratelimit` code runs offline. A test and dev tool, never shipped.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  // Upstash answers in RESP2 shapes (flat HGETALL and WITHSCORES arrays, doubles as strings);
  // ioredis 6 would otherwise negotiate RESP3.
  const redis = new Redis(options.redisUrl, { protocol: 2 });
  const scripts = new ScriptMap();
  const faults = createFaults(() => scripts.forget());
  let syncToken = 0;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (faults.dropConnections) {
      request.socket.destroy();
      return;
    }
    const path = new URL(request.url ?? "/", "http://bridge").pathname;
    const route = routes[path];
    if (!route) return sendJson(response, 404, { error: `ERR unknown path ${path}` });
    if (request.method !== "POST") return sendJson(response, 405, { error: "ERR use POST" });
    if (!bearerMatches(request.headers.authorization, options.token)) {
      return sendJson(response, 401, { error: "Unauthorized" });
    }
    let body: unknown;
    try {
      body = await readJson(request);
    } catch {
      return sendJson(response, 400, { error: "ERR the body is not JSON" });
    }
    options.onRequest?.(path, body);
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    if (faults.failWith500) return sendJson(response, 500, { error: "ERR injected failure" });
    const base64 = request.headers["upstash-encoding"] === "base64";
    const outcome = await route(body, { redis, scripts, base64 });
    sendJson(response, statusOf(outcome), outcome, ++syncToken);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) =>
      sendJson(response, 500, { error: `ERR bridge failure: ${String(error)}` }),
    );
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token: options.token,
    faults,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      redis.disconnect();
    },
  };
}
