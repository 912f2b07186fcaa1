import { describe, expect, it } from "vitest";
import { DEFAULT_PERSONA } from "../../../src/agents/planner/persona.ts";
import { createPlanner } from "../../../src/agents/planner/planner.ts";
import type { Passage } from "../../../src/domain/passage.ts";
import type { TurnState } from "../../../src/domain/turn-state.ts";
import { countChatTokens } from "../../../src/text/token-counter.ts";

const passage = (n: number, words = 60): Passage => ({
  chunkId: `c${n}`,
  documentId: `meditation/doc-${n}`,
  title: `Doc ${n}`,
  section: "Practice",
  namespace: "meditation",
  text: Array.from({ length: words }, (_, i) => `breath${n}x${i}`).join(" "),
  score: 1 / n,
  origin: "knowledge",
});

const state = (overrides: Partial<TurnState>): TurnState => ({
  turnId: "t1",
  mode: "stream",
  userId: "u1",
  sessionId: "s1",
  message: "How do I calm down?",
  history: [],
  ...overrides,
});

describe("Planner", () => {
  const planner = createPlanner({ persona: DEFAULT_PERSONA });

  it("numbers the passages in the prompt in the order of its sources", () => {
    const plan = planner.plan(
      state({ retrieval: { passages: [passage(1), passage(2)], degraded: false } }),
    );
    const system = plan.messages[0]?.content ?? "";
    expect(plan.sources.map((p) => p.chunkId)).toEqual(["c1", "c2"]);
    expect(system).toContain('<passage id="1" title="Doc 1"');
    expect(system).toContain('<passage id="2" title="Doc 2"');
    expect(system).toContain(DEFAULT_PERSONA.name);
    expect(plan.messages.at(-1)).toEqual({ role: "user", content: "How do I calm down?" });
  });

  it("keeps prompt plus reserved output within the 4,000-token budget, dropping what does not fit", () => {
    const passages = Array.from({ length: 40 }, (_, i) => passage(i + 1, 200));
    const history = Array.from({ length: 30 }, (_, i) => ({
      role: i % 2 ? ("assistant" as const) : ("user" as const),
      content: `earlier message ${i} `.repeat(30),
    }));
    const plan = planner.plan(state({ retrieval: { passages, degraded: false }, history }));
    expect(plan.sources.length).toBeGreaterThan(0);
    expect(plan.sources.length).toBeLessThan(40);
    expect(plan.promptTokens).toBe(countChatTokens(plan.messages));
    expect(plan.promptTokens + plan.maxOutputTokens).toBeLessThanOrEqual(4000);
  });

  it("keeps the most recent history when only some of it fits", () => {
    const history = Array.from({ length: 400 }, (_, i) => ({
      role: "user" as const,
      content: `message number ${i}`,
    }));
    const plan = planner.plan(state({ history }));
    const kept = plan.messages.slice(1, -1).map((m) => m.content);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(400);
    expect(kept.at(-1)).toBe("message number 399");
  });
});
