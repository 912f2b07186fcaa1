import { handle } from "hono/aws-lambda";
import { composeApi } from "./compose-api.ts";

// Composed during the init phase (ESM top-level await), once per container.
const app = await composeApi();

/** Every route but `POST /v1/chat`: the same Hono app as the local server. */
export const handler = handle(app);
