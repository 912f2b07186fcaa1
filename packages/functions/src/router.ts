import { taskHandler } from "./task-handler.ts";

/** ChatTurn's `Route` state. */
export const handler = taskHandler("Route");
