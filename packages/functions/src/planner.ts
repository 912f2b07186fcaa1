import { taskHandler } from "./task-handler.ts";

/** ChatTurn's `Plan` state. */
export const handler = taskHandler("Plan");
