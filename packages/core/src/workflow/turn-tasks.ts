import type { Interpreter } from "../agents/interpreter/interpreter.ts";
import type { Librarian } from "../agents/librarian/librarian.ts";
import type { Planner } from "../agents/planner/planner.ts";
import type { Router } from "../agents/router/router.ts";
import { screenPassages } from "../agents/safety/input/screen-passages.ts";
import type { RouteDecision } from "../domain/route-decision.ts";
import type { Draft, Plan, Retrieval, Review, TurnState } from "../domain/turn-state.ts";
import type { TaskStateName } from "./chat-turn-definition.ts";

/** The Safety agent's review of a whole draft (full mode). */
export interface DraftReviewer {
  review(
    draft: Draft,
    context: { route?: RouteDecision; medicalReferral?: boolean },
  ): Promise<Review>;
}

/**
 * The body of every ChatTurn Task state. The same functions run as Lambda handlers in AWS and
 * in-process under the local state-machine runner.
 */
export interface TurnTasks extends Record<TaskStateName, (state: TurnState) => Promise<unknown>> {
  Route(state: TurnState): Promise<RouteDecision>;
  EmbedQuery(state: TurnState): Promise<number[]>;
  Retrieve(state: TurnState): Promise<Retrieval>;
  Plan(state: TurnState): Promise<Plan>;
  Interpret(state: TurnState): Promise<Draft>;
  Review(state: TurnState): Promise<Review>;
}

export interface TurnAgents {
  router: Router;
  librarian: Librarian;
  planner: Planner;
  interpreter: Interpreter;
  reviewer: DraftReviewer;
}

const required = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`ChatTurn state has no ${what}`);
  return value;
};

export function createTurnTasks(agents: TurnAgents): TurnTasks {
  return {
    Route: (state) => agents.router.route({ message: state.message }),
    EmbedQuery: (state) => agents.librarian.embedQuery(state.message),
    Retrieve: async (state) => {
      const retrieval = await agents.librarian.retrieve({
        query: state.message,
        namespaces: state.route?.namespaces.map((ns) => ns.id) ?? [],
        userId: state.userId,
        ...(state.queryVector && { queryVector: state.queryVector }),
      });
      // Knowledge is quoted to the model: a passage carrying instructions must not reach it.
      const screened = screenPassages(retrieval.passages);
      return { ...retrieval, passages: screened.passages, safety: screened.decisions };
    },
    Plan: async (state) => agents.planner.plan(state),
    Interpret: (state) =>
      agents.interpreter.draft(
        {
          plan: required(state.plan, "plan"),
          // A review that rejected the previous draft turns this call into a revision.
          ...(state.draft &&
            state.review && {
              previous: { draft: state.draft, reason: state.review.reason ?? "unsafe" },
            }),
        },
        { useFallbackModel: state.useFallbackModel === true },
      ),
    Review: (state) =>
      agents.reviewer.review(required(state.draft, "draft"), {
        route: state.route,
        medicalReferral: state.medicalReferral,
      }),
  };
}
