import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_PERSONA, loadPersona } from "../../../src/agents/planner/persona.ts";
import { createPlanner } from "../../../src/agents/planner/planner.ts";
import { ConfigError } from "../../../src/config/parse-env.ts";

async function personaFile(content: unknown): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), "persona-")), "persona.json");
  await writeFile(path, JSON.stringify(content));
  return path;
}

describe("the persona as configuration", () => {
  it("is the default guide, who never claims to be a real person, when no file is set", async () => {
    expect(await loadPersona(undefined)).toBe(DEFAULT_PERSONA);
    expect(DEFAULT_PERSONA.principles.join(" ")).toMatch(/not a real person/);
  });

  it("is read from a file and speaks in the prompt", async () => {
    const persona = {
      name: "the River Teacher",
      voice: "Slow and kind.",
      principles: ["Water finds its way."],
    };
    const loaded = await loadPersona(await personaFile(persona));
    const plan = createPlanner({ persona: loaded }).plan({
      turnId: "t",
      mode: "stream",
      userId: "u",
      sessionId: "s",
      message: "hello",
      history: [],
    });
    expect(plan.messages[0]?.content).toContain("You are the River Teacher. Slow and kind.");
    expect(plan.messages[0]?.content).toContain("Water finds its way.");
  });

  it("rejects an invalid file with a message naming the variable and the field", async () => {
    const error = await loadPersona(
      await personaFile({ name: "", voice: "x", principles: [] }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/WWHD_PERSONA_FILE[\s\S]*name/);
  });
});
