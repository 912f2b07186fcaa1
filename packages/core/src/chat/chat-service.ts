import { ulid } from "ulid";
import type { Librarian } from "../agents/librarian/librarian.ts";
import { createOutputScreen, type InputScreening, screenInput } from "../agents/safety/index.ts";
import { moderateScreening } from "../agents/safety/moderated-screening.ts";
import { AppError } from "../domain/app-error.ts";
import type { ChatMessage } from "../domain/chat-message.ts";
import type { SafetyDecision } from "../domain/safety-decision.ts";
import type { TokenUsage } from "../domain/token-usage.ts";
import type { PlannedTurn, TurnInput } from "../domain/turn-state.ts";
import type { ChatModel } from "../ports/chat-model.ts";
import type { Clock } from "../ports/clock.ts";
import type { Logger } from "../ports/logger.ts";
import type { Moderation } from "../ports/moderation.ts";
import type { Session, SessionStore, StoredMessage, TurnStatus } from "../ports/session-store.ts";
import type { WorkflowRunner } from "../ports/workflow-runner.ts";
import { countTextTokens } from "../text/token-counter.ts";
import type { TurnEvent } from "./turn-event.ts";

/** Messages of the session given to the Planner as history. */
const HISTORY_MESSAGES = 10;
const TITLE_LENGTH = 60;

export interface ChatServiceDeps {
  sessions: SessionStore;
  /** Conversation memory: each completed exchange is remembered for the user's later turns. */
  memory: Pick<Librarian, "remember">;
  runner: WorkflowRunner;
  model: ChatModel;
  clock: Clock;
  logger: Logger;
  /** A hosted moderation model, consulted after the local rules when configured. */
  moderation?: Moderation;
}

/** A turn whose session and input screening are settled: errors from here on are stream events. */
export interface PreparedTurn {
  turnId: string;
  /** `stream`: generation streams through the Safety filter; `full`: the workflow answers whole. */
  mode: TurnInput["mode"];
  userId: string;
  session: Session;
  screening: InputScreening;
  history: ChatMessage[];
}

export interface ChatService {
  /** Validates the session and screens the input; throws `AppError` before any stream opens. */
  prepare(request: {
    userId: string;
    sessionId?: string;
    message: string;
    mode: TurnInput["mode"];
  }): Promise<PreparedTurn>;
  /** Runs the turn, yielding what the client sees, and persists it whatever happens. */
  run(turn: PreparedTurn, signal?: AbortSignal): AsyncGenerator<TurnEvent>;
}

export function createChatService(deps: ChatServiceDeps): ChatService {
  const iso = () => new Date(deps.clock.now()).toISOString();

  async function findOrCreateSession(userId: string, sessionId: string | undefined, title: string) {
    if (sessionId === undefined)
      return deps.sessions.createSession(userId, title.slice(0, TITLE_LENGTH));
    const session = await deps.sessions.getSession(userId, sessionId);
    // Another user's session answers exactly like a missing one.
    if (!session) throw new AppError(404, "session_not_found", "No such session");
    return session;
  }

  return {
    async prepare({ userId, sessionId, message, mode }) {
      const screening = await moderateScreening(screenInput(message), deps.moderation, deps.logger);
      const session = await findOrCreateSession(userId, sessionId, screening.text);
      const recent = await deps.sessions.recentMessages(userId, session.id, HISTORY_MESSAGES);
      const history = recent.map((m): ChatMessage => ({ role: m.role, content: m.text }));
      return { turnId: ulid(deps.clock.now()), mode, userId, session, screening, history };
    },

    async *run(turn, signal) {
      const outcome = new TurnOutcome();
      const logger = deps.logger.child({ turnId: turn.turnId, sessionId: turn.session.id });
      try {
        for await (const event of answer(deps, turn, outcome, signal)) {
          outcome.observe(event);
          yield event;
        }
      } catch (error) {
        logger.error("chat turn failed", { error: String(error) });
        outcome.status = "error";
        yield { type: "error", code: "turn_failed", message: "The answer could not be completed." };
      } finally {
        if (signal?.aborted && outcome.status === "complete") outcome.status = "aborted";
      }
      const saved = await persist(deps, turn, outcome, iso()).then(
        () => true,
        (error) => {
          logger.error("chat turn could not be stored", { error: String(error) });
          return false;
        },
      );
      if (!saved)
        yield { type: "error", code: "turn_not_stored", message: "The turn could not be stored." };
      yield { type: "finish", status: outcome.status };
    },
  };
}

/** What the client received, gathered from the events as they pass. */
class TurnOutcome {
  status: TurnStatus = "complete";
  text = "";
  usage: TokenUsage | undefined;
  safety: SafetyDecision[] = [];
  planned: PlannedTurn | undefined;
  executionArn: string | undefined;
  /** The model that answered (a provider list announces the one it chose). */
  model: string | undefined;

  observe(event: TurnEvent): void {
    if (event.type === "text") this.text += event.delta;
    if (event.type === "safety") this.safety.push(event.decision);
    if (event.type === "usage") this.usage = event.usage;
    if (event.type === "error") this.status = "error";
  }
}

async function* answer(
  deps: ChatServiceDeps,
  turn: PreparedTurn,
  outcome: TurnOutcome,
  signal: AbortSignal | undefined,
): AsyncGenerator<TurnEvent> {
  yield { type: "start", turnId: turn.turnId, sessionId: turn.session.id };
  for (const decision of turn.screening.decisions) yield { type: "safety", decision };

  if (turn.screening.verdict !== "allow") {
    outcome.status = turn.screening.verdict === "crisis" ? "crisis" : "refused";
    yield { type: "text", delta: turn.screening.reply ?? "" };
    return;
  }

  const { state, executionArn } = await deps.runner.run({
    turnId: turn.turnId,
    mode: turn.mode,
    userId: turn.userId,
    sessionId: turn.session.id,
    message: turn.screening.text,
    history: turn.history,
    medicalReferral: turn.screening.category === "medical_referral",
  });
  const planned = state as PlannedTurn;
  outcome.planned = planned;
  outcome.executionArn = executionArn;
  yield { type: "route", route: planned.route, degraded: planned.retrieval.degraded };
  for (const decision of planned.retrieval.safety ?? []) yield { type: "safety", decision };
  for (const [i, passage] of planned.plan.sources.entries())
    yield { type: "source", citation: i + 1, passage };

  if (turn.mode === "full") yield* reviewed(planned, outcome);
  else yield* generate(deps.model, planned, outcome, signal);
}

/** Full mode: the workflow already wrote, reviewed and (if need be) replaced the answer. */
function* reviewed(planned: PlannedTurn, outcome: TurnOutcome): Generator<TurnEvent> {
  const review = planned.review;
  if (!review) throw new Error("the full-mode workflow returned no review");
  for (const decision of review.decisions) yield { type: "safety", decision };
  yield { type: "text", delta: review.text };
  if (planned.draft) {
    outcome.model = planned.draft.model;
    yield { type: "usage", usage: planned.draft.usage };
  }
}

/** Streams the Interpreter's answer, releasing text only sentence by sentence after screening. */
async function* generate(
  model: ChatModel,
  planned: PlannedTurn,
  outcome: TurnOutcome,
  signal: AbortSignal | undefined,
): AsyncGenerator<TurnEvent> {
  const decisions: SafetyDecision[] = [];
  const screen = createOutputScreen({
    route: planned.route,
    ...(planned.medicalReferral && { inputCategory: "medical_referral" as const }),
    onDecision: (d) => decisions.push(d),
  });
  let usage: TokenUsage | undefined;
  const release = function* (sentences: string[]): Generator<TurnEvent> {
    for (const decision of decisions.splice(0)) yield { type: "safety", decision };
    for (const sentence of sentences) yield { type: "text", delta: sentence };
  };

  for await (const chunk of model.stream({
    messages: planned.plan.messages,
    maxOutputTokens: planned.plan.maxOutputTokens,
    signal,
  })) {
    if (chunk.type === "usage") usage = chunk.usage;
    if (chunk.type === "model") outcome.model = chunk.name;
    if (chunk.type === "text") yield* release(screen.push(chunk.text));
  }
  if (signal?.aborted) return;
  yield* release(screen.flush());
  yield {
    type: "usage",
    usage: usage ?? {
      promptTokens: planned.plan.promptTokens,
      completionTokens: countTextTokens(outcome.text),
      source: "tokenizer",
    },
  };
}

function persist(
  deps: ChatServiceDeps,
  turn: PreparedTurn,
  outcome: TurnOutcome,
  at: string,
): Promise<void> {
  const base = { sessionId: turn.session.id, turnId: turn.turnId, createdAt: at };
  const user: StoredMessage = {
    ...base,
    id: `${turn.turnId}-u`,
    role: "user",
    text: turn.screening.text,
  };
  const assistant: StoredMessage = {
    ...base,
    id: `${turn.turnId}-a`,
    role: "assistant",
    text: outcome.text,
    status: outcome.status,
    citations: outcome.planned?.plan.sources.map(({ chunkId, documentId, title, section }) => ({
      chunkId,
      documentId,
      title,
      section,
    })),
    route: outcome.planned?.route,
    safety: outcome.safety,
    model: outcome.planned ? (outcome.model ?? deps.model.name) : undefined,
    usage: outcome.usage,
    executionArn: outcome.executionArn,
  };
  return deps.sessions.saveTurn({
    userId: turn.userId,
    sessionId: turn.session.id,
    turnId: turn.turnId,
    user,
    assistant,
  });
}
