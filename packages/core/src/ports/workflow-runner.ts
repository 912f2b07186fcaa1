import type { TurnInput, TurnState } from "../domain/turn-state.ts";
import type { HealthReporter } from "./adapter-health.ts";

export interface WorkflowResult {
  state: TurnState;
  /** The execution's ARN (AWS) or a local identifier, stored with the assistant message. */
  executionArn: string;
  /** The states entered, in order, when the runner can tell (the local runner can). */
  visitedStates?: string[];
}

/** Runs the ChatTurn state machine; the execution name is the turn id. */
export interface WorkflowRunner extends HealthReporter {
  readonly kind: string;
  run(input: TurnInput): Promise<WorkflowResult>;
}

export class WorkflowError extends Error {
  readonly executionArn: string | undefined;

  constructor(message: string, options?: { executionArn?: string; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = "WorkflowError";
    this.executionArn = options?.executionArn;
  }
}
