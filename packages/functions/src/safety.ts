import { taskHandler } from "./task-handler.ts";

/** ChatTurn's `Review` state. */
export const handler = taskHandler("Review");
