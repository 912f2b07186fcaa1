/**
 * The Safety agent's local engine: framework-free, synchronous where it can be, fast enough to
 * run on every sentence of a streamed answer.
 */
export { type CrisisCategory, detectCrisis } from "./input/crisis.ts";
export { type DisallowedCategory, detectDisallowed } from "./input/disallowed/index.ts";
export { detectInjection, type InjectionKind } from "./input/injection.ts";
export { needsMedicalReferral } from "./input/medical-referral.ts";
export { normalise } from "./input/patterns.ts";
export { CRISIS_RESOURCES, crisisReply, refusalReply } from "./input/replies.ts";
export { type InputCategory, type InputScreening, screenInput } from "./input/screen-input.ts";
export { type PassageScreening, screenPassages } from "./input/screen-passages.ts";
export { findOutputViolation, type OutputViolation } from "./output/output-rules.ts";
export {
  createOutputScreen,
  MAX_REVISIONS,
  type OutputScreen,
  type OutputScreenOptions,
  type Reviser,
  type RevisingOutputScreen,
} from "./output/output-screen.ts";
export { createSentenceBuffer, type SentenceBuffer } from "./output/sentence-buffer.ts";
export { isLuhnValid } from "./pii/card.ts";
export { detectPii, placeholderFor, type Redaction, redactPii } from "./pii/detect-pii.ts";
export { isIbanChecksumValid } from "./pii/iban.ts";
export type { PiiMatch, PiiType } from "./pii/pii-match.ts";
export { isValidSsn } from "./pii/ssn.ts";
