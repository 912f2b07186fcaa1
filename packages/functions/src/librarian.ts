import { taskHandler } from "./task-handler.ts";

/** ChatTurn's `Retrieve` state. */
export const handler = taskHandler("Retrieve");
