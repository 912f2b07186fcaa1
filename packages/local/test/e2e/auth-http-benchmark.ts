/**
 * Figures for the report, through HTTP on the app exactly as `npm start` composes it (DynamoDB
 * Local on disk, default scrypt cost): login p50/p95, and what verifying the access token adds
 * to a request. Run: node_modules/.bin/node packages/local/test/e2e/auth-http-benchmark.ts
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHistogram, type RecordableHistogram } from "node:perf_hooks";
import { DEFAULT_SCRYPT_PARAMS } from "@wwhd/core/auth/password-hasher.ts";
import { loadConfig } from "@wwhd/core/config/config.ts";
import { composeLocal } from "../../src/compose-local.ts";

/** Runs `task` one call after another; the histogram holds each call's duration in ns. */
async function measure(runs: number, task: () => Promise<unknown>): Promise<RecordableHistogram> {
  const histogram = createHistogram();
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await task();
    histogram.record(process.hrtime.bigint() - start);
  }
  return histogram;
}

const MS = 1e6;
const US = 1e3;
const report = (name: string, histogram: RecordableHistogram, unit: "ms" | "µs") => {
  const scale = unit === "ms" ? MS : US;
  const at = (p: number) => (histogram.percentile(p) / scale).toFixed(unit === "ms" ? 1 : 0);
  console.log(`${name}: p50 ${at(50)} ${unit}, p95 ${at(95)} ${unit} (n=${histogram.count})`);
};

const dataDir = await mkdtemp(join(tmpdir(), "wwhd-bench-"));
const runtime = await composeLocal(loadConfig({ WWHD_DATA_DIR: dataDir, LOG_LEVEL: "SILENT" }));
try {
  const post = (path: string, body: unknown) =>
    runtime.app.request(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const credentials = { email: "bench@example.com", password: "plum blossom in the snow" };
  const registered = await post("/v1/auth/register", credentials);
  if (registered.status !== 201) throw new Error(`register: ${registered.status}`);

  const { N, r, p } = DEFAULT_SCRYPT_PARAMS;
  console.log(`scrypt N=${N} r=${r} p=${p}`);
  let accessToken = "";
  const logins = await measure(31, async () => {
    const response = await post("/v1/auth/login", credentials);
    accessToken = ((await response.json()) as { tokens: { accessToken: string } }).tokens
      .accessToken;
  });
  report("POST /v1/auth/login (HTTP, DynamoDB Local)", logins, "ms");

  // An unknown /v1 path answers 404 after authentication and touches no store, so the gap between
  // the two requests below is what verifying the token costs a request.
  const probe = (headers: Record<string, string>) => async () =>
    (await runtime.app.request("/v1/benchmark-probe", { headers })).text();
  const runs = 3000;
  await measure(200, probe({ authorization: `Bearer ${accessToken}` }));
  const verified = await measure(runs, probe({ authorization: `Bearer ${accessToken}` }));
  const anonymous = await measure(runs, probe({}));
  report("request with a valid token (verified, then 404)", verified, "µs");
  report("request without a token (401 before verification)", anonymous, "µs");
  const added = (verified.percentile(50) - anonymous.percentile(50)) / US;
  console.log(`token verification adds ≈ ${added.toFixed(0)} µs per request (p50 difference)`);
} finally {
  await runtime.close();
  await rm(dataDir, { recursive: true, force: true });
}
