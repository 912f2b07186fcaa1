import { type ChildProcess, spawn } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export type DynamoDbLocalStorage = { inMemory: true } | { dataDir: string };

export interface DynamoDbLocalOptions {
  /** The `java` executable; defaults to the one on PATH. */
  javaPath?: string;
  /** How long to wait for the emulator to answer before giving up. */
  startTimeoutMs?: number;
}

export interface DynamoDbLocal {
  /** `http://127.0.0.1:<port>`, for the DynamoDB client's `endpoint`. */
  endpoint: string;
  stop(): Promise<void>;
}

export const JAVA_MISSING_MESSAGE =
  "Java 17+ is required for DynamoDB Local: install openjdk-17-jre-headless";

/** Thrown when DynamoDB Local cannot be started; the message says why. */
export class DynamoDbLocalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DynamoDbLocalError";
  }
}

/** The emulator ships inside this npm package, so nothing is downloaded at run time. */
function emulatorDirectory(): string {
  const entry = createRequire(import.meta.url).resolve("amplify-dynamodb-simulator");
  return join(dirname(entry), "emulator");
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no TCP port assigned");
  return address.port;
}

function javaArguments(port: number, storage: DynamoDbLocalStorage): string[] {
  return [
    // C1 only: start-up is what matters for a dev/test emulator (about 1.2 s instead of 1.7 s).
    "-XX:TieredStopAtLevel=1",
    "-Djava.library.path=./DynamoDBLocal_lib",
    "-jar",
    "DynamoDBLocal.jar",
    "-port",
    String(port),
    // One database whatever the credentials/region, so any tool pointed at it sees the tables.
    "-sharedDb",
    // No network is assumed, and nothing about the developer's machine should leave it.
    "-disableTelemetry",
    ...("dataDir" in storage ? ["-dbPath", storage.dataDir] : ["-inMemory"]),
  ];
}

/** Keeps the last lines the emulator printed, for the error message when it fails. */
function captureOutput(child: ChildProcess): () => string {
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-2000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return () => output.trim();
}

/** Resolves with an error once the child fails to spawn or exits; never resolves otherwise. */
function whenDead(child: ChildProcess, output: () => string): Promise<DynamoDbLocalError> {
  return new Promise((resolve) => {
    child.once("error", (error: NodeJS.ErrnoException) =>
      resolve(
        new DynamoDbLocalError(
          error.code === "ENOENT" ? JAVA_MISSING_MESSAGE : `could not start java: ${error.message}`,
          { cause: error },
        ),
      ),
    );
    child.once("exit", (code, signal) =>
      resolve(
        new DynamoDbLocalError(
          `DynamoDB Local exited (${signal ?? `code ${code}`}) before answering:\n${output()}`,
        ),
      ),
    );
  });
}

/** Polls until the emulator answers HTTP at all (it answers 400 to a bare GET). */
async function whenAnswering(endpoint: string, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    const answered = await fetch(endpoint, { signal }).then(
      () => true,
      () => false,
    );
    if (answered) return;
    await sleep(50, undefined, { signal }).catch(() => undefined);
  }
}

async function waitUntilReady(
  child: ChildProcess,
  endpoint: string,
  timeoutMs: number,
  output: () => string,
): Promise<void> {
  const stopWaiting = new AbortController();
  const timedOut = sleep(timeoutMs, "timeout", { signal: stopWaiting.signal }).catch(() => "");
  try {
    const outcome = await Promise.race([
      whenAnswering(endpoint, stopWaiting.signal),
      whenDead(child, output),
      timedOut,
    ]);
    if (outcome instanceof Error) throw outcome;
    if (outcome === "timeout")
      throw new DynamoDbLocalError(
        `DynamoDB Local did not answer within ${timeoutMs} ms:\n${output()}`,
      );
  } finally {
    stopWaiting.abort();
  }
}

function stopper(child: ChildProcess): () => Promise<void> {
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  return async () => {
    process.off("exit", killOnExit);
    const gone = child.pid === undefined || child.exitCode !== null || child.signalCode !== null;
    if (gone) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    // The JVM normally exits within a second of SIGTERM; do not let a wedged one hang shutdown.
    const escalate = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(escalate);
  };
}

/**
 * Starts AWS's DynamoDB emulator as a child process on a free port and waits until it answers.
 * In memory for tests; on disk (data survives restarts) for the local server.
 */
export async function startDynamoDbLocal(
  storage: DynamoDbLocalStorage,
  options: DynamoDbLocalOptions = {},
): Promise<DynamoDbLocal> {
  if ("dataDir" in storage) await mkdir(storage.dataDir, { recursive: true });
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn(options.javaPath ?? "java", javaArguments(port, storage), {
    cwd: emulatorDirectory(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = captureOutput(child);
  const stop = stopper(child);
  try {
    await waitUntilReady(child, endpoint, options.startTimeoutMs ?? 20_000, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, stop };
}
