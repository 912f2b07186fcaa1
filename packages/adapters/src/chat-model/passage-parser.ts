/** A cited passage as the `local` model reads it back out of the prompt. */
export interface PromptPassage {
  citation: number;
  title: string;
  text: string;
}

const PASSAGE = /<passage id="(\d+)" title="([^"]*)" section="[^"]*">\n([\s\S]*?)\n<\/passage>/g;

/** Reads the `<passage>` blocks the Planner writes into the system message. */
export function parsePromptPassages(system: string): PromptPassage[] {
  return [...system.matchAll(PASSAGE)].map((match) => ({
    citation: Number(match[1]),
    title: match[2] ?? "",
    text: match[3] ?? "",
  }));
}
