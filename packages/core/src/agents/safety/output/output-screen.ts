import type { RouteDecision } from "../../../domain/route-decision.ts";
import type { SafetyDecision } from "../../../domain/safety-decision.ts";
import type { InputCategory } from "../input/screen-input.ts";
import { redactPii } from "../pii/detect-pii.ts";
import type { PiiType } from "../pii/pii-match.ts";
import {
  closingDisclaimers,
  DISCLAIMER_TEXT,
  type Disclaimer,
  disclaimersForRoute,
  disclaimersForSentence,
} from "./disclaimers.ts";
import { findOutputViolation, type OutputViolation, REPLACEMENT } from "./output-rules.ts";
import { createSentenceBuffer } from "./sentence-buffer.ts";

/** A model-backed rewrite of a failed sentence; it receives the sentence already redacted. */
export type Reviser = (sentence: string, reason: OutputViolation) => Promise<string>;

export interface OutputScreenOptions {
  /** The Router's decision: money or diet namespaces call for their disclaimer. */
  route?: RouteDecision;
  /** The input screening's category: `medical_referral` closes the answer with a referral. */
  inputCategory?: InputCategory;
  onDecision: (decision: SafetyDecision) => void;
}

/** Releases text sentence by sentence, each only after it passed the checks. */
export interface OutputScreen {
  push(delta: string): string[];
  flush(): string[];
}

export interface RevisingOutputScreen {
  push(delta: string): Promise<string[]>;
  flush(): Promise<string[]>;
}

/** A failed sentence gets this many model revisions before it is replaced. */
export const MAX_REVISIONS = 2;

/** Splits a sentence from the whitespace that follows it, which is released unchanged. */
function splitTrailingSpace(sentence: string): [string, string] {
  const body = sentence.trimEnd();
  return [body, sentence.slice(body.length)];
}

/**
 * What every screen shares: PII redaction, the checks, the disclaimers gathered on the way and
 * appended once at the end. Only how a failed sentence is mended differs (replace, or revise).
 */
class ScreenState {
  readonly #onDecision: (decision: SafetyDecision) => void;
  readonly #redactedTypes = new Set<PiiType>();
  readonly #disclaimers = new Set<Disclaimer>();
  #released = "";

  constructor(options: OutputScreenOptions) {
    this.#onDecision = options.onDecision;
    for (const d of disclaimersForRoute(options.route)) this.#disclaimers.add(d);
    if (options.inputCategory === "medical_referral") this.#disclaimers.add("medical_referral");
  }

  /** The sentence with personal data redacted, and the rule it breaks, if any. */
  check(sentence: string): { text: string; violation: OutputViolation | undefined } {
    const redaction = redactPii(sentence);
    const fresh = redaction.types.filter((t) => !this.#redactedTypes.has(t));
    for (const type of fresh) this.#redactedTypes.add(type);
    if (fresh.length > 0)
      this.decide({ stage: "output", category: "pii", action: "redact", detail: fresh.join(",") });
    return { text: redaction.text, violation: findOutputViolation(redaction.text) };
  }

  decide(decision: SafetyDecision): void {
    this.#onDecision(decision);
  }

  replace(violation: OutputViolation, trailing: string): string {
    this.decide({ stage: "output", category: violation, action: "replace" });
    return REPLACEMENT[violation] + (trailing || " ");
  }

  release(text: string): string {
    for (const d of disclaimersForSentence(text)) this.#disclaimers.add(d);
    this.#released += text;
    return text;
  }

  /** The closing disclaimers, each once, separated from the answer by a blank line. */
  closing(): string[] {
    const due = closingDisclaimers(this.#disclaimers, this.#released);
    if (due.length === 0) return [];
    for (const d of due) this.decide({ stage: "output", category: d, action: "disclaim" });
    const separator = this.#released.length === 0 || /\n\s*$/.test(this.#released) ? "" : "\n\n";
    return [separator + due.map((d) => DISCLAIMER_TEXT[d]).join(" ")];
  }
}

function screenSentence(state: ScreenState, sentence: string): string {
  const [body, trailing] = splitTrailingSpace(sentence);
  const { text, violation } = state.check(body);
  return state.release(violation ? state.replace(violation, trailing) : text + trailing);
}

async function reviseSentence(state: ScreenState, sentence: string, revise: Reviser) {
  const [body, trailing] = splitTrailingSpace(sentence);
  let { text, violation } = state.check(body);
  for (let attempt = 1; violation && attempt <= MAX_REVISIONS; attempt++) {
    state.decide({
      stage: "output",
      category: violation,
      action: "revise",
      detail: `attempt ${attempt}`,
    });
    const revised = state.check((await revise(text, violation)).trim());
    if (!revised.violation) return state.release(`${revised.text}${trailing}`);
    ({ text, violation } = revised);
  }
  return state.release(violation ? state.replace(violation, trailing) : text + trailing);
}

/**
 * The output filter of a streaming answer. Text comes out only as whole sentences that passed
 * PII redaction and the content rules; a failing sentence is replaced by a short safe one, or,
 * when a `revise` hook is given, rewritten by it (at most twice, each rewrite checked again)
 * before it is replaced. Health and money answers end with the disclaimer they need.
 */
export function createOutputScreen(
  options: OutputScreenOptions & { revise?: undefined },
): OutputScreen;
export function createOutputScreen(
  options: OutputScreenOptions & { revise: Reviser },
): RevisingOutputScreen;
export function createOutputScreen(
  options: OutputScreenOptions & { revise?: Reviser },
): OutputScreen | RevisingOutputScreen {
  const state = new ScreenState(options);
  const buffer = createSentenceBuffer();
  const { revise } = options;
  if (revise === undefined) {
    const screenAll = (sentences: string[]) => sentences.map((s) => screenSentence(state, s));
    return {
      push: (delta) => screenAll(buffer.push(delta)),
      flush: () => [...screenAll(buffer.flush()), ...state.closing()],
    };
  }
  const reviseAll = async (sentences: string[]) => {
    const released: string[] = [];
    for (const sentence of sentences) released.push(await reviseSentence(state, sentence, revise));
    return released;
  };
  return {
    push: (delta) => reviseAll(buffer.push(delta)),
    flush: async () => [...(await reviseAll(buffer.flush())), ...state.closing()],
  };
}
