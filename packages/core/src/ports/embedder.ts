import type { HealthReporter } from "./adapter-health.ts";

/** Turns texts into dense vectors. Implementations batch and retry internally. */
export interface Embedder extends HealthReporter {
  /** Stable identifier of the model and dimensions; an index built with another is rebuilt. */
  readonly id: string;
  readonly dimensions: number;
  embed(texts: string[]): Promise<number[][]>;
}

/** The embedding service failed after its retries (or answered something unusable). */
export class EmbedderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "EmbedderError";
  }
}
