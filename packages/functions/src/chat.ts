import { streamHandle } from "hono/aws-lambda";
import { composeApi } from "./compose-api.ts";

// Composed during the init phase (ESM top-level await), once per container.
const app = await composeApi();

/**
 * `POST /v1/chat` with Lambda response streaming: the same Hono app, its Server-Sent Events
 * written to the client as they are produced.
 */
export const handler = streamHandle(app);
