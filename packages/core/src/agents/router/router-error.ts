/**
 * Why a model-backed route failed: the provider could not be reached or kept failing after its
 * retries (`unavailable`), the time budget ran out (`timeout`), or the answer was unusable
 * (`invalid_response`: not JSON, not the schema, refused, truncated).
 */
export type RouterFailure = "unavailable" | "timeout" | "invalid_response";

/**
 * The Router could not decide. It is thrown, never swallowed: the ChatTurn workflow's Catch turns
 * a failed Route into its default route, and the execution history shows why.
 * The message never quotes the user's text or the model's answer (they may hold personal data).
 */
export class RouterError extends Error {
  readonly reason: RouterFailure;
  /** The provider's HTTP status, when it answered with one. */
  readonly status: number | undefined;

  constructor(
    message: string,
    options: { reason: RouterFailure; status?: number; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.name = "RouterError";
    this.reason = options.reason;
    this.status = options.status;
  }
}
