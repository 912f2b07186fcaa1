import type { Librarian } from "../agents/librarian/librarian.ts";
import type { Planner } from "../agents/planner/planner.ts";
import type { Router } from "../agents/router/router.ts";
import type { RouteDecision } from "../domain/route-decision.ts";
import type { Plan, Retrieval, TurnState } from "../domain/turn-state.ts";
import type { TaskStateName } from "./chat-turn-definition.ts";

/**
 * The body of every ChatTurn Task state. The same functions run as Lambda handlers in AWS and
 * in-process under the local state-machine runner.
 */
export type TurnTasks = {
  Route(state: TurnState): Promise<RouteDecision>;
  Retrieve(state: TurnState): Promise<Retrieval>;
  Plan(state: TurnState): Promise<Plan>;
} & Record<TaskStateName, (state: TurnState) => Promise<unknown>>;

export function createTurnTasks(agents: {
  router: Router;
  librarian: Librarian;
  planner: Planner;
}): TurnTasks {
  return {
    Route: (state) => agents.router.route({ message: state.message }),
    Retrieve: (state) =>
      agents.librarian.retrieve({
        query: state.message,
        namespaces: state.route?.namespaces.map((ns) => ns.id) ?? [],
        userId: state.userId,
      }),
    Plan: async (state) => agents.planner.plan(state),
  };
}
