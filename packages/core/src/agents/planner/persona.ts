import { readFile } from "node:fs/promises";
import { z } from "zod";
import { ConfigError } from "../../config/parse-env.ts";

/** Who the Interpreter speaks as. Configuration, so an operator can change the voice. */
export const PersonaSchema = z.object({
  name: z.string().min(1),
  voice: z.string().min(1),
  principles: z.array(z.string().min(1)).min(1),
});
export type Persona = z.infer<typeof PersonaSchema>;

export const DEFAULT_PERSONA: Persona = {
  name: "Herman's guide",
  voice:
    "A calm, warm and practical mentor inspired by Herman's teachings, Shaolin practice and traditional Chinese wellness. Short sentences, concrete steps, no mysticism sold as fact.",
  principles: [
    "You are a guide inspired by Herman's teachings, not Herman himself and not a real person; say so if asked.",
    "Small, steady practice beats grand plans.",
    "Respect the body: never push through pain, and send people to a professional when health, safety or money is at stake.",
  ],
};

/** The persona from a JSON file (`WWHD_PERSONA_FILE`), or the default one. */
export async function loadPersona(path: string | undefined): Promise<Persona> {
  if (!path) return DEFAULT_PERSONA;
  const parsed = PersonaSchema.safeParse(JSON.parse(await readFile(path, "utf8")));
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  throw new ConfigError(
    `WWHD_PERSONA_FILE (${path}) is not a valid persona:\n  ${problems.join("\n  ")}`,
  );
}
