import { taskHandler } from "./task-handler.ts";

/** ChatTurn's `EmbedQuery` state (runs in parallel with `Route`). */
export const handler = taskHandler("EmbedQuery");
