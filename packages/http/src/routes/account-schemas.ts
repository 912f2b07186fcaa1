import { z } from "@hono/zod-openapi";

/** What a client sees of an account (never the password hash). */
export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    roles: z.array(z.enum(["user", "admin"])),
    createdAt: z.string(),
  })
  .openapi("User");

export const TokensSchema = z
  .object({
    accessToken: z.string().openapi({ description: "ES256 JWT; send as `Authorization: Bearer`" }),
    tokenType: z.literal("Bearer"),
    expiresIn: z.number().openapi({ description: "Seconds the access token is valid" }),
    refreshToken: z.string().openapi({ description: "Single use: every refresh rotates it" }),
    refreshTokenExpiresAt: z.string(),
  })
  .openapi("Tokens");
