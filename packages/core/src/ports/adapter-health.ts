/** What `/health` reports for one adapter. */
export interface AdapterHealth {
  kind: string;
  status: "ok" | "degraded" | "down";
  detail?: string;
}

export interface HealthReporter {
  health(): Promise<AdapterHealth>;
}
