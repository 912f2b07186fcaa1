import type { ChatMessage } from "../../domain/chat-message.ts";
import type { Passage } from "../../domain/passage.ts";
import type { Plan, TurnState } from "../../domain/turn-state.ts";
import { countChatTokens, countMessageTokens, countTextTokens } from "../../text/token-counter.ts";
import type { Persona } from "./persona.ts";
import {
  passageBlock,
  personaSection,
  SAFETY_INSTRUCTIONS,
  SYSTEM_RULES,
} from "./prompt-sections.ts";

export interface PlannerBudget {
  /** Prompt plus reserved output, per request (the product's limit is 4,000). */
  maxRequestTokens: number;
  reservedOutputTokens: number;
}

export const DEFAULT_BUDGET: PlannerBudget = { maxRequestTokens: 4000, reservedOutputTokens: 700 };

export interface Planner {
  plan(state: TurnState): Plan;
}

/**
 * Builds the Interpreter's prompt: system rules, persona, safety instructions, the retrieved
 * passages with citation numbers, then as much recent history as still fits the token budget.
 * Passages win over history: the answer must be grounded before it is conversational.
 */
export function createPlanner(deps: { persona: Persona; budget?: PlannerBudget }): Planner {
  const budget = deps.budget ?? DEFAULT_BUDGET;
  const preamble = [SYSTEM_RULES, personaSection(deps.persona), SAFETY_INSTRUCTIONS].join("\n\n");

  return {
    plan(state) {
      const question: ChatMessage = { role: "user", content: state.message };
      const available = budget.maxRequestTokens - budget.reservedOutputTokens;
      let remaining =
        available -
        countMessageTokens({ role: "system", content: preamble }) -
        countMessageTokens(question);

      const sources: Passage[] = [];
      const blocks: string[] = [];
      for (const passage of state.retrieval?.passages ?? []) {
        const block = passageBlock(passage, sources.length + 1);
        const cost = countTextTokens(block) + 2;
        if (cost > remaining) break;
        remaining -= cost;
        sources.push(passage);
        blocks.push(block);
      }

      const history: ChatMessage[] = [];
      for (const message of [...state.history].reverse()) {
        const cost = countMessageTokens(message);
        if (cost > remaining) break;
        remaining -= cost;
        history.unshift(message);
      }

      const system =
        blocks.length > 0 ? `${preamble}\n\nKnowledge passages:\n${blocks.join("\n\n")}` : preamble;
      const messages: ChatMessage[] = [{ role: "system", content: system }, ...history, question];
      return {
        messages,
        sources,
        maxOutputTokens: budget.reservedOutputTokens,
        promptTokens: countChatTokens(messages),
      };
    },
  };
}
