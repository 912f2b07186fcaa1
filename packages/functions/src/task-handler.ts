import type { TurnState } from "@wwhd/core/domain/turn-state.ts";
import type { TaskStateName } from "@wwhd/core/workflow/chat-turn-definition.ts";
import type { TurnTasks } from "@wwhd/core/workflow/turn-tasks.ts";
import { composeTasks } from "./compose-tasks.ts";

let tasks: Promise<TurnTasks> | undefined;

/**
 * A Step Functions Task handler: the ChatTurn state in, the agent's result out (the state
 * machine's ResultPath places it). Errors propagate so the state's Retry and Catch apply.
 */
export function taskHandler(state: TaskStateName) {
  return async (event: TurnState): Promise<unknown> => {
    tasks ??= composeTasks();
    return (await tasks)[state](event);
  };
}
