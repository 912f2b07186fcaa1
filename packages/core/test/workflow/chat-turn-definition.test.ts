import validator from "asl-validator";
import { describe, expect, it } from "vitest";
import {
  chatTurnDefinition,
  renderChatTurnDefinition,
  TASK_ARN_PLACEHOLDERS,
} from "../../src/workflow/chat-turn-definition.ts";

const arn = (name: string) => `arn:aws:lambda:eu-west-1:123456789012:function:wwhd-${name}`;
const deployedArns = Object.fromEntries(
  Object.values(TASK_ARN_PLACEHOLDERS).map((p) => [p, arn(p)]),
);

describe("the ChatTurn ASL document", () => {
  it("is valid Amazon States Language once its Lambda ARNs are substituted", () => {
    const rendered = JSON.parse(renderChatTurnDefinition(deployedArns as never));
    const result = validator(rendered, { checkArn: true, checkPaths: true });
    expect(result.errorsText("\n")).toBe("");
    expect(result.isValid).toBe(true);
  });

  it("is rejected by the validator when broken (the check can fail)", () => {
    const broken = structuredClone(chatTurnDefinition) as {
      States: Record<string, { Next?: string }>;
    };
    (broken.States.Retrieve as { Next: string }).Next = "NoSuchState";
    expect(validator(broken).isValid).toBe(false);
  });

  it("gives every Task state an explicit timeout and a retry only for transient Lambda errors", () => {
    type State = { Type: string; Branches?: { States: Record<string, State> }[] };
    const allStates = (states: Record<string, State>): [string, State][] =>
      Object.entries(states).flatMap(([name, state]) => [
        [name, state] as [string, State],
        ...(state.Branches ?? []).flatMap((branch) => allStates(branch.States)),
      ]);
    const tasks = allStates(chatTurnDefinition.States as unknown as Record<string, State>).filter(
      ([, s]) => s.Type === "Task",
    );
    expect(tasks.map(([name]) => name).sort()).toEqual(Object.keys(TASK_ARN_PLACEHOLDERS).sort());
    for (const [, state] of tasks) {
      const task = state as { TimeoutSeconds?: number; Retry?: { ErrorEquals: string[] }[] };
      expect(task.TimeoutSeconds).toBeGreaterThan(0);
      for (const retrier of task.Retry ?? []) {
        expect(retrier.ErrorEquals).not.toContain("States.ALL");
      }
    }
  });

  it("refuses to render when an ARN is missing", () => {
    expect(() => renderChatTurnDefinition({} as never)).toThrow(/RouterFunctionArn/);
  });
});
