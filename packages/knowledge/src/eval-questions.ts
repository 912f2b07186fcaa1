import { z } from "zod";
import { loadJson } from "./load-json.ts";
import { evalQuestionsFile } from "./paths.ts";

export const EvalQuestionSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  namespace: z.string().min(1),
  /** Document ids (`<namespace>/<slug>`) that answer the question. */
  relevant: z.array(z.string().min(1)).min(1),
});
export type EvalQuestion = z.infer<typeof EvalQuestionSchema>;

/** The labelled retrieval questions (eval/retrieval-questions.json). */
export const loadEvalQuestions = (path = evalQuestionsFile): Promise<EvalQuestion[]> =>
  loadJson(path, z.array(EvalQuestionSchema));
