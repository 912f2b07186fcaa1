import type { HealthReporter } from "./adapter-health.ts";

/** Turns texts into dense vectors. Implementations batch and retry internally. */
export interface Embedder extends HealthReporter {
  /** Stable identifier of the model and dimensions; an index built with another is rebuilt. */
  readonly id: string;
  readonly dimensions: number;
  embed(texts: string[]): Promise<number[][]>;
}
