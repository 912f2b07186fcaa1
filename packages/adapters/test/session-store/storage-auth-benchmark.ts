/**
 * Figures for the report: DynamoDB Local start time, login p50 at the default scrypt cost
 * (password check alone and the whole login against DynamoDB Local), access-token costs.
 * Run: node_modules/.bin/node packages/adapters/test/session-store/storage-auth-benchmark.ts
 */
import { createAuthService } from "@wwhd/core/auth/auth-service.ts";
import { createKeyStoreFromJwks, generateSigningJwk } from "@wwhd/core/auth/key-store.ts";
import {
  DEFAULT_SCRYPT_PARAMS,
  hashPassword,
  verifyPassword,
} from "@wwhd/core/auth/password-hasher.ts";
import { systemClock } from "../../src/clock/system-clock.ts";
import { createLocalDynamoDbClient } from "../../src/dynamodb-local/local-dynamodb-client.ts";
import { startDynamoDbLocal } from "../../src/dynamodb-local/start-dynamodb-local.ts";
import { createDynamoSessionStore } from "../../src/session-store/dynamodb/dynamo-session-store.ts";

const percentile = (samples: number[], p: number) =>
  [...samples].sort((a, b) => a - b)[
    Math.min(samples.length - 1, Math.floor(p * samples.length))
  ] ?? 0;

async function timeEach(runs: number, task: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    samples.push(performance.now() - start);
  }
  return samples;
}

const report = (name: string, samples: number[], unit = "ms") =>
  console.log(
    `${name}: p50 ${percentile(samples, 0.5).toFixed(1)} ${unit}, p95 ${percentile(samples, 0.95).toFixed(1)} ${unit} (n=${samples.length})`,
  );

const starts: number[] = [];
for (let i = 0; i < 5; i++) {
  const start = performance.now();
  const instance = await startDynamoDbLocal({ inMemory: true });
  starts.push(performance.now() - start);
  await instance.stop();
}
report("DynamoDB Local start (until it answers)", starts);

const local = await startDynamoDbLocal({ inMemory: true });
try {
  const client = createLocalDynamoDbClient(local.endpoint);
  const store = createDynamoSessionStore({ client, tableName: "bench", cursorSecret: "bench" });
  await store.ensureTable();
  const auth = createAuthService({
    store,
    clock: systemClock,
    keys: await createKeyStoreFromJwks([await generateSigningJwk()]),
    issuer: "https://wwhd.bench",
    audience: "wwhd-api",
  });
  const credentials = { email: "bench@example.com", password: "plum blossom in the snow" };
  const { tokens } = await auth.register(credentials);

  const stored = await hashPassword(credentials.password);
  console.log(
    `scrypt N=${DEFAULT_SCRYPT_PARAMS.N} r=${DEFAULT_SCRYPT_PARAMS.r} p=${DEFAULT_SCRYPT_PARAMS.p}`,
  );
  report("password verify", await timeEach(21, () => verifyPassword(credentials.password, stored)));
  report("login (verify + DynamoDB + tokens)", await timeEach(21, () => auth.login(credentials)));

  const verifyRuns = 2000;
  await auth.verifyAccessToken(tokens.accessToken);
  const verifyStart = performance.now();
  for (let i = 0; i < verifyRuns; i++) await auth.verifyAccessToken(tokens.accessToken);
  console.log(
    `access token verify: ${(((performance.now() - verifyStart) / verifyRuns) * 1000).toFixed(0)} µs/op`,
  );
  report(
    "refresh (rotation on DynamoDB)",
    await (async () => {
      let refreshToken = tokens.refreshToken;
      return timeEach(50, async () => {
        refreshToken = (await auth.refresh(refreshToken)).refreshToken;
      });
    })(),
  );
  client.destroy();
} finally {
  await local.stop();
}
