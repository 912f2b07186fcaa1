import { detectPii } from "../../packages/core/src/agents/safety/pii/detect-pii.ts";
import type { PiiMatch, PiiType } from "../../packages/core/src/agents/safety/pii/pii-match.ts";
import { readJson } from "./bench-data.ts";
import type { Evaluation } from "./evaluation.ts";
import { type Measure, ratio, share } from "./report.ts";

interface LabelledSpan {
  entity_type: string;
  entity_value: string;
  start_position: number;
  end_position: number;
}
interface LabelledSentence {
  full_text: string;
  spans: LabelledSpan[];
}

/** Presidio's entity names for the types the Safety agent redacts. */
const PRESIDIO_TYPE: Record<PiiType, string> = {
  email: "EMAIL_ADDRESS",
  phone: "PHONE_NUMBER",
  card: "CREDIT_CARD",
  iban: "IBAN_CODE",
  ssn: "US_SSN",
  ip: "IP_ADDRESS",
};
const RECALL_TARGET: Record<PiiType, number> = {
  email: 0.99,
  phone: 0.9,
  card: 0.99,
  iban: 0.99,
  ssn: 0.99,
  ip: 0.9,
};
const PRECISION_TARGET = 0.9;

const overlaps = (d: PiiMatch, s: LabelledSpan) =>
  d.start < s.end_position && s.start_position < d.end;

interface Tally {
  labelled: number;
  found: number;
  detections: number;
  correct: number;
  /** Detections overlapping a labelled span of another type (e.g. a phone inside an address). */
  otherType: number;
  /** Detections overlapping no labelled span at all. */
  unlabelled: number;
  missed: string[];
  falsePositives: string[];
}

const emptyTally = (): Tally => ({
  labelled: 0,
  found: 0,
  detections: 0,
  correct: 0,
  otherType: 0,
  unlabelled: 0,
  missed: [],
  falsePositives: [],
});

function tallySentence(sentence: LabelledSentence, tallies: Map<PiiType, Tally>): void {
  const detections = detectPii(sentence.full_text);
  for (const [type, tally] of tallies) {
    const labelled = sentence.spans.filter((s) => s.entity_type === PRESIDIO_TYPE[type]);
    const mine = detections.filter((d) => d.type === type);
    tally.labelled += labelled.length;
    for (const span of labelled) {
      if (mine.some((d) => overlaps(d, span))) tally.found++;
      else tally.missed.push(span.entity_value);
    }
    for (const detection of mine) {
      tally.detections++;
      const hit = sentence.spans.filter((s) => overlaps(detection, s));
      if (hit.some((s) => s.entity_type === PRESIDIO_TYPE[type])) tally.correct++;
      else if (hit.length > 0) tally.otherType++;
      else {
        tally.unlabelled++;
        tally.falsePositives.push(sentence.full_text.slice(detection.start, detection.end));
      }
    }
  }
}

/**
 * Recall: a labelled span counts as found when a detection of the same type overlaps it.
 * Precision: a detection is a false positive only when it overlaps no labelled span of any type
 * (presidio labels addresses, dates and names too; a digit run inside a labelled street address
 * is not invented data). The strict figure, where a detection overlapping another type's span
 * also counts against us, is printed as a note.
 */
export function evaluatePii(file = "pii/synth_dataset_v2.json"): Evaluation {
  const tallies = new Map<PiiType, Tally>(
    (Object.keys(PRESIDIO_TYPE) as PiiType[]).map((t) => [t, emptyTally()]),
  );
  for (const sentence of readJson<LabelledSentence[]>(file)) tallySentence(sentence, tallies);

  const measures: Measure[] = [];
  const notes: string[] = [];
  const details: string[] = [];
  for (const [type, t] of tallies) {
    measures.push(
      share(`PII recall ${type}`, t.found, t.labelled, {
        kind: "min",
        target: RECALL_TARGET[type],
      }),
      share(`PII precision ${type}`, t.detections - t.unlabelled, t.detections, {
        kind: "min",
        target: PRECISION_TARGET,
      }),
    );
    notes.push(
      `PII ${type}: strict precision ${ratio(t.correct, t.detections).toFixed(3)} (${t.otherType} detections overlap a span labelled with another type)`,
    );
    details.push(
      ...t.missed.map((value) => `missed ${type}: ${value}`),
      ...t.falsePositives.map((value) => `unlabelled ${type} detection: ${value}`),
    );
  }
  return { measures, notes, details };
}
