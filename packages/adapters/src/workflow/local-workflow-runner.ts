import type { TurnInput, TurnState } from "@wwhd/core/domain/turn-state.ts";
import type { Logger } from "@wwhd/core/ports/logger.ts";
import {
  WorkflowError,
  type WorkflowResult,
  type WorkflowRunner,
} from "@wwhd/core/ports/workflow-runner.ts";
import {
  renderChatTurnDefinition,
  TASK_ARN_PLACEHOLDERS,
} from "@wwhd/core/workflow/chat-turn-definition.ts";
import type { TurnTasks } from "@wwhd/core/workflow/turn-tasks.ts";
import { StateMachine, type StateMachineDefinition } from "aws-local-stepfunctions";

/** The local runner also tells which states an execution entered, in order. */
export interface LocalWorkflowRunner extends WorkflowRunner {
  run(input: TurnInput): Promise<WorkflowResult & { visitedStates: string[] }>;
}

type ExecutionEvents = ReturnType<StateMachine["run"]>["eventLogs"];

/**
 * Runs the project's own ChatTurn ASL document with `aws-local-stepfunctions`, each Task state
 * calling the in-process agent instead of a Lambda function. Retries and Catch routes behave as
 * they do in AWS, so the degraded paths are the deployed ones.
 */
export function createLocalWorkflowRunner(deps: {
  tasks: TurnTasks;
  logger: Logger;
  /** Shortens Retry waits (tests); AWS-equivalent intervals otherwise. */
  retryIntervalMs?: number;
}): LocalWorkflowRunner {
  // The deployed document with local ARNs in place of the Lambda functions' ones.
  const localArns = Object.fromEntries(
    Object.values(TASK_ARN_PLACEHOLDERS).map((name) => [
      name,
      `arn:aws:lambda:local:000000000000:function:${name}`,
    ]),
  );
  const definition = JSON.parse(
    renderChatTurnDefinition(localArns as never),
  ) as StateMachineDefinition;
  const machine = new StateMachine(definition);
  const handlers = Object.fromEntries(
    Object.entries(deps.tasks).map(([state, task]) => [
      state,
      (input: unknown) => task(input as TurnState),
    ]),
  ) as Record<string, (input: unknown) => Promise<never>>;
  const retryIntervalOverrides =
    deps.retryIntervalMs === undefined
      ? undefined
      : Object.fromEntries(
          Object.keys(deps.tasks).map((state) => [state, deps.retryIntervalMs as number]),
        );

  return {
    kind: "local",
    async health() {
      return { kind: "aws-local-stepfunctions", status: "ok" };
    },
    async run(input: TurnInput) {
      const executionArn = `arn:aws:states:local:000000000000:express:ChatTurn:${input.turnId}`;
      const execution = machine.run(input as never, {
        overrides: {
          taskResourceLocalHandlers: handlers,
          ...(retryIntervalOverrides && { retryIntervalOverrides }),
        },
        context: { Execution: { Id: executionArn, Name: input.turnId } },
      });
      const visitedStates = collectVisitedStates(execution.eventLogs);
      try {
        const state = (await execution.result) as unknown as TurnState;
        deps.logger.debug("ChatTurn execution succeeded", {
          turnId: input.turnId,
          states: await visitedStates,
        });
        return { state, executionArn, visitedStates: await visitedStates };
      } catch (error) {
        deps.logger.error("ChatTurn execution failed", {
          turnId: input.turnId,
          error: String(error),
        });
        throw new WorkflowError("The ChatTurn workflow failed", { executionArn, cause: error });
      }
    },
  };
}

async function collectVisitedStates(events: ExecutionEvents): Promise<string[]> {
  const names: string[] = [];
  for await (const event of events) {
    if (event.type === "StateEntered") names.push(event.state.name);
  }
  return names;
}
