import { SFNClient, StartSyncExecutionCommand } from "@aws-sdk/client-sfn";
import type { TurnInput } from "@wwhd/core/domain/turn-state.ts";
import { WorkflowError } from "@wwhd/core/ports/workflow-runner.ts";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { createRecordingLogger } from "../../../../test/support/recording-logger.ts";
import { createAwsWorkflowRunner } from "../../src/workflow/aws-workflow-runner.ts";

const stateMachineArn = "arn:aws:states:eu-west-1:123456789012:stateMachine:ChatTurn";
const input: TurnInput = {
  turnId: "01JTURN",
  mode: "stream",
  userId: "u1",
  sessionId: "s1",
  message: "How do I sit?",
  history: [],
};

describe("the AWS workflow runner", () => {
  const sfn = mockClient(SFNClient);
  const runner = createAwsWorkflowRunner({
    stateMachineArn,
    logger: createRecordingLogger(),
    client: new SFNClient({}),
  });
  beforeEach(() => sfn.reset());

  it("starts a sync execution named after the turn and returns its output and ARN", async () => {
    const executionArn = `${stateMachineArn}:01JTURN`;
    sfn.on(StartSyncExecutionCommand).resolves({
      status: "SUCCEEDED",
      executionArn,
      output: JSON.stringify({ ...input, route: { intent: "question" } }),
      startDate: new Date(),
      stopDate: new Date(),
    });
    const result = await runner.run(input);
    expect(result.executionArn).toBe(executionArn);
    expect(result.state.route).toEqual({ intent: "question" });
    const call = sfn.commandCalls(StartSyncExecutionCommand)[0]?.args[0].input;
    expect(call).toMatchObject({ stateMachineArn, name: "01JTURN" });
    expect(JSON.parse(call?.input ?? "{}")).toEqual(input);
  });

  it("treats a FAILED or TIMED_OUT status as an error even though the call itself succeeded", async () => {
    for (const status of ["FAILED", "TIMED_OUT"] as const) {
      sfn.on(StartSyncExecutionCommand).resolves({
        status,
        executionArn: "arn:x",
        error: "States.Timeout",
        startDate: new Date(),
        stopDate: new Date(),
      });
      const failure = await runner.run(input).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(WorkflowError);
      expect((failure as WorkflowError).executionArn).toBe("arn:x");
    }
  });

  it("wraps a throttled or failed API call in a WorkflowError", async () => {
    sfn.on(StartSyncExecutionCommand).rejects(new Error("ThrottlingException"));
    await expect(runner.run(input)).rejects.toBeInstanceOf(WorkflowError);
  });
});
