import { taskHandler } from "./task-handler.ts";

/** ChatTurn's `Interpret` state. */
export const handler = taskHandler("Interpret");
