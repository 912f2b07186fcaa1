import { fileURLToPath } from "node:url";

/** The corpus root: `<corpusDir>/<namespace>/<slug>.md`. */
export const corpusDir = fileURLToPath(new URL("../corpus", import.meta.url));
export const evalQuestionsFile = fileURLToPath(
  new URL("../eval/retrieval-questions.json", import.meta.url),
);
