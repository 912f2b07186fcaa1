import type { Namespace } from "../domain/namespace.ts";
import type { ChatModel } from "../ports/chat-model.ts";
import type { Embedder } from "../ports/embedder.ts";
import type { Logger } from "../ports/logger.ts";
import type { VectorStore } from "../ports/vector-store.ts";
import { createInterpreter } from "./interpreter/interpreter.ts";
import { createLibrarian } from "./librarian/librarian.ts";
import { DEFAULT_PERSONA, type Persona } from "./planner/persona.ts";
import { createPlanner } from "./planner/planner.ts";
import { createLocalRouter } from "./router/local-router.ts";
import type { Router } from "./router/router.ts";
import { createDraftReviewer } from "./safety/review-draft.ts";

/** The agents of the ChatTurn workflow, wired from ports; every runtime builds them this way. */
export function createAgents(deps: {
  namespaces: Namespace[];
  embedder: Embedder;
  store: VectorStore;
  logger: Logger;
  /** The Interpreter's models: the primary, and the one full mode falls back to. */
  models: { primary: ChatModel; fallback: ChatModel };
  persona?: Persona;
  /** The model-backed Router when one is configured; the local classifier otherwise. */
  router?: Router;
}) {
  return {
    router:
      deps.router ?? createLocalRouter({ namespaces: deps.namespaces, embedder: deps.embedder }),
    librarian: createLibrarian({ embedder: deps.embedder, store: deps.store, logger: deps.logger }),
    planner: createPlanner({ persona: deps.persona ?? DEFAULT_PERSONA }),
    interpreter: createInterpreter(deps.models),
    reviewer: createDraftReviewer(),
  };
}

export type Agents = ReturnType<typeof createAgents>;
