import { z } from "zod";

export const MAX_MESSAGE_LENGTH = 4000;

/** The body of `POST /v1/chat`. */
export const ChatRequestSchema = z.object({
  message: z
    .string()
    .trim()
    .min(1, "message must not be empty")
    .max(MAX_MESSAGE_LENGTH, `message must be at most ${MAX_MESSAGE_LENGTH} characters`),
  sessionId: z.string().min(1).max(64).optional(),
  /** `false`: one JSON answer produced by the full workflow (with its review) instead of a stream. */
  stream: z.boolean().default(true),
});
export type ChatRequest = z.infer<typeof ChatRequestSchema>;
