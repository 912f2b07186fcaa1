import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import type { ExecutionContext } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import worker from "../src/worker.ts";
import { AUDIENCE, createTestIssuer, ISSUER, type TestIssuer } from "./support/tokens.ts";

let issuer: TestIssuer;
let servers: ServerType[] = [];
let env: Record<string, string>;
const context = {
  waitUntil: () => {},
  passThroughOnException: () => {},
  props: {},
} as ExecutionContext;

const listen = (fetch: (request: Request) => Response | Promise<Response>) =>
  new Promise<string>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    );
    servers.push(server);
  });

beforeAll(async () => {
  issuer = await createTestIssuer();
  const jwksUrl = await listen(() => Response.json(issuer.publicJwks));
  const originUrl = await listen((request) =>
    Response.json({
      path: new URL(request.url).pathname,
      asserted: request.headers.has("x-wwhd-gate-assertion"),
    }),
  );
  env = {
    ORIGIN_URL: originUrl,
    JWKS_URL: `${jwksUrl}/.well-known/jwks.json`,
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: AUDIENCE,
    EDGE_ASSERTION_SECRET: "s".repeat(32),
  };
});
afterAll(() => {
  for (const server of servers) server.close();
  servers = [];
});

describe("the Cloudflare Worker entry", () => {
  it("builds the proxy from its bindings, fetching the JWKS, and forwards with an assertion", async () => {
    const response = await worker.fetch(
      new Request("https://edge.test/v1/me", {
        headers: { authorization: `Bearer ${await issuer.token("u1")}` },
      }),
      env,
      context,
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ path: "/v1/me", asserted: true });
    const anonymous = await worker.fetch(new Request("https://edge.test/v1/me"), env, context);
    expect(anonymous.status).toBe(401);
  });

  it("answers 503 edge_misconfigured, naming nothing secret, when a binding is missing", async () => {
    const { JWKS_URL: _missing, ...incomplete } = env;
    const response = await worker.fetch(
      new Request("https://edge.test/v1/me"),
      incomplete,
      context,
    );
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ code: "edge_misconfigured" });
  });
});
