import type { Namespace } from "../domain/namespace.ts";
import type { Embedder } from "../ports/embedder.ts";
import type { Logger } from "../ports/logger.ts";
import type { VectorStore } from "../ports/vector-store.ts";
import { createLibrarian } from "./librarian/librarian.ts";
import { DEFAULT_PERSONA, type Persona } from "./planner/persona.ts";
import { createPlanner } from "./planner/planner.ts";
import { createLocalRouter } from "./router/local-router.ts";

/** The agents of the ChatTurn workflow, wired from ports; every runtime builds them this way. */
export function createAgents(deps: {
  namespaces: Namespace[];
  embedder: Embedder;
  store: VectorStore;
  logger: Logger;
  persona?: Persona;
}) {
  return {
    router: createLocalRouter({ namespaces: deps.namespaces, embedder: deps.embedder }),
    librarian: createLibrarian({ embedder: deps.embedder, store: deps.store, logger: deps.logger }),
    planner: createPlanner({ persona: deps.persona ?? DEFAULT_PERSONA }),
  };
}

export type Agents = ReturnType<typeof createAgents>;
