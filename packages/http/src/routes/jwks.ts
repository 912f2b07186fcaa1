import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AuthService } from "@wwhd/core/auth/auth-service.ts";
import { jsonContent } from "./openapi-parts.ts";

const JwksSchema = z
  .object({ keys: z.array(z.record(z.string(), z.unknown())) })
  .openapi("JSONWebKeySet");

const route = createRoute({
  method: "get",
  path: "/.well-known/jwks.json",
  responses: { 200: jsonContent(JwksSchema, "The public keys access tokens are signed with") },
});

/**
 * Lets a gate verify access tokens without any secret. Cached for five minutes: after a key
 * rotation the old keys stay published, and a verifier meeting an unknown `kid` fetches the set
 * again (as jose's `createRemoteJWKSet` does).
 */
export function jwksRoutes(auth: Pick<AuthService, "jwks">) {
  return new OpenAPIHono().openapi(route, async (c) => {
    c.header("Cache-Control", "public, max-age=300");
    return c.json(await auth.jwks(), 200);
  });
}
