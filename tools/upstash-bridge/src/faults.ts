/** Switches tests flip to make the bridge misbehave the way a real network and Upstash can. */
export interface BridgeFaults {
  /** Every request waits this long before it reaches Redis. */
  latencyMs: number;
  /** Every request answers HTTP 500 with a JSON error, without touching Redis. */
  failWith500: boolean;
  /** Every request's socket is destroyed without an answer (the client sees a network error). */
  dropConnections: boolean;
  /** Forgets the rewritten scripts, so the next EVALSHA answers NOSCRIPT as after SCRIPT FLUSH. */
  forgetScripts(): void;
  /** Back to a well-behaved bridge. */
  reset(): void;
}

export function createFaults(forgetScripts: () => void): BridgeFaults {
  const faults: BridgeFaults = {
    latencyMs: 0,
    failWith500: false,
    dropConnections: false,
    forgetScripts,
    reset() {
      faults.latencyMs = 0;
      faults.failWith500 = false;
      faults.dropConnections = false;
    },
  };
  return faults;
}
