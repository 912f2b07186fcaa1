import { describe, expect, it } from "vitest";
import {
  createOutputScreen,
  MAX_REVISIONS,
  type OutputScreen,
} from "../../../src/agents/safety/index.ts";
import type { RouteDecision } from "../../../src/domain/route-decision.ts";
import type { SafetyDecision } from "../../../src/domain/safety-decision.ts";

/** Streams `deltas` through a screen and returns what the client would have received. */
function stream(screen: OutputScreen, deltas: string[]): string[] {
  return [...deltas.flatMap((d) => screen.push(d)), ...screen.flush()];
}

function recordingScreen(
  options: { route?: RouteDecision; inputCategory?: "medical_referral" } = {},
) {
  const decisions: SafetyDecision[] = [];
  const screen = createOutputScreen({ ...options, onDecision: (d) => decisions.push(d) });
  return { screen, decisions };
}

const route = (id: string): RouteDecision => ({
  intent: "question",
  namespaces: [{ id, confidence: 0.9 }],
  needsRetrieval: true,
  decidedBy: "local",
});

describe("output screen", () => {
  it("releases a sentence only once it is complete and checked", () => {
    const { screen } = recordingScreen();
    expect(screen.push("Sit quietly and ")).toEqual([]);
    expect(screen.push("count your breaths.")).toEqual([]);
    expect(screen.push(" Then")).toEqual(["Sit quietly and count your breaths. "]);
    expect(screen.flush()).toEqual(["Then"]);
  });

  it("redacts personal data even when the value arrives split across deltas", () => {
    const { screen, decisions } = recordingScreen();
    const out = stream(screen, [
      "You can write to jo.sm",
      "ith@exam",
      "ple.com or call +1 415 5",
      "55 2671. Bye",
    ]);
    expect(out.join("")).toBe("You can write to [email] or call [phone]. Bye");
    expect(out.join("")).not.toMatch(/ith@exam|55 2671/);
    expect(decisions).toEqual([
      { stage: "output", category: "pii", action: "redact", detail: "email,phone" },
    ]);
  });

  it("reads exactly like the model's text when nothing needs changing", () => {
    const text =
      "Breathe in for four [1]. Hold for two, e.g. with eyes closed.\n\n1. Sit.\n2. Rest. ";
    const { screen, decisions } = recordingScreen();
    expect(stream(screen, text.match(/.{1,3}/gs) ?? []).join("")).toBe(text);
    expect(decisions).toEqual([]);
  });

  it("replaces a sentence giving a dose with a short safe one", () => {
    const { screen, decisions } = recordingScreen();
    const out = stream(screen, [
      "Rest well. Take 400 mg of ibuprofen every four hours. Sleep early.",
    ]);
    expect(out.join("")).not.toContain("400 mg");
    expect(out).toContain("For doses and medication, please ask a doctor or pharmacist. ");
    expect(decisions).toContainEqual({ stage: "output", category: "dosing", action: "replace" });
  });

  it("replaces a diagnosis but keeps general statements about conditions", () => {
    const { screen } = recordingScreen();
    const out = stream(screen, [
      "It sounds like you have depression. If you have diabetes, check with your doctor first. ",
    ]).join("");
    expect(out).not.toContain("you have depression");
    expect(out).toContain("If you have diabetes, check with your doctor first.");
  });

  it("adds the health disclaimer once, at the end, for health advice", () => {
    const { screen, decisions } = recordingScreen();
    const out = stream(screen, [
      "Gentle stretching can ease back pain. ",
      "Stop if the pain grows.",
    ]);
    expect(out.at(-1)).toMatch(/^\n\nThis is general wellness information, not medical advice/);
    expect(out.filter((s) => s.includes("not medical advice"))).toHaveLength(1);
    expect(decisions).toEqual([{ stage: "output", category: "health", action: "disclaim" }]);
  });

  it("adds the financial disclaimer for a money answer, even without money words", () => {
    const { screen } = recordingScreen({ route: route("money") });
    expect(stream(screen, ["Start small and be patient."]).join("")).toContain(
      "not financial advice",
    );
  });

  it("closes a medical question with a referral, not a hotline", () => {
    const { screen } = recordingScreen({ inputCategory: "medical_referral" });
    const out = stream(screen, ["Many people find gentle routines help. "]).join("");
    expect(out).toMatch(/talk to a doctor or a licensed mental-health professional/);
    expect(out).not.toMatch(/988|116 123|helpline/);
    expect(out).not.toContain("not medical advice");
  });

  it("adds no disclaimer the answer already gave, and none to an answer that needs none", () => {
    const said = recordingScreen();
    expect(stream(said.screen, ["Rest helps pain. This is not medical advice."])).toHaveLength(2);
    const calm = recordingScreen();
    expect(stream(calm.screen, ["Sit by a window and watch the clouds."])).toEqual([
      "Sit by a window and watch the clouds.",
    ]);
  });
});

describe("output screen with a reviser", () => {
  const DOSE = "Take 2 tablets of 500 mg twice a day. ";

  it("releases a revision that passes, after recording the revise decision", async () => {
    const decisions: SafetyDecision[] = [];
    const seen: string[] = [];
    const screen = createOutputScreen({
      onDecision: (d) => decisions.push(d),
      revise: async (sentence) => {
        seen.push(sentence);
        return "Ask a pharmacist how much is right for you.";
      },
    });
    const out = [...(await screen.push(`${DOSE}Rest. `)), ...(await screen.flush())];
    expect(out).toEqual(["Ask a pharmacist how much is right for you. ", "Rest. "]);
    expect(seen).toEqual([DOSE.trim()]);
    expect(decisions).toEqual([
      { stage: "output", category: "dosing", action: "revise", detail: "attempt 1" },
    ]);
  });

  it(`gives up after ${MAX_REVISIONS} failed revisions and replaces the sentence`, async () => {
    const decisions: SafetyDecision[] = [];
    let calls = 0;
    const screen = createOutputScreen({
      onDecision: (d) => decisions.push(d),
      revise: async () => {
        calls++;
        return "Take 1000 mg at once.";
      },
    });
    const out = [...(await screen.push(DOSE)), ...(await screen.flush())];
    expect(calls).toBe(MAX_REVISIONS);
    expect(out[0]).toBe("For doses and medication, please ask a doctor or pharmacist. ");
    expect(out.join("")).not.toMatch(/\d+ mg/);
    expect(decisions.map((d) => d.action)).toEqual(["revise", "revise", "replace", "disclaim"]);
  });

  it("never sends personal data to the reviser", async () => {
    const seen: string[] = [];
    const screen = createOutputScreen({
      onDecision: () => {},
      revise: async (sentence) => {
        seen.push(sentence);
        return "Ask your doctor.";
      },
    });
    await screen.push("Email jo@example.com and take 300 mg daily. ");
    await screen.flush();
    expect(seen).toEqual(["Email [email] and take 300 mg daily."]);
  });
});
