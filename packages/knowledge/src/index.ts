export { type EvalQuestion, loadEvalQuestions } from "./eval-questions.ts";
export { loadNamespaces } from "./namespaces.ts";
export { corpusDir, evalQuestionsFile } from "./paths.ts";
