import { mkdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { createEmbeddedCollection, type EmbeddedCollection } from "./embedded-collection.ts";
import { appendOperation, type Operation, readOperations } from "./operation-log.ts";
import { createSerialQueue } from "./serial-queue.ts";
import { loadSnapshot, saveSnapshot } from "./snapshot-file.ts";

/** The log is folded into a new snapshot once it outgrows both this and the snapshot itself. */
export const DEFAULT_COMPACTION_BYTES = 8 * 1024 * 1024;

export interface PersistentCollection {
  collection: EmbeddedCollection;
  /** Applies a change in memory, then resolves once it is appended to the log on disk. */
  record(operation: Operation): Promise<void>;
}

function apply(collection: EmbeddedCollection, operation: Operation): void {
  if (operation.op === "upsert") collection.upsert(operation.points);
  else collection.delete(operation.filter);
}

const sizeOf = (path: string) =>
  stat(path).then(
    (s) => s.size,
    () => 0,
  );

/**
 * A collection on disk as `<name>.index` (snapshot) plus `<name>.log` (changes since). Opening
 * loads the snapshot and replays the log. Every operation is idempotent, so replaying a log
 * over a snapshot that already contains some of it (a crash during compaction) is harmless.
 */
export async function openPersistentCollection(
  dir: string,
  name: string,
  compactionBytes = DEFAULT_COMPACTION_BYTES,
): Promise<PersistentCollection> {
  const snapshotPath = join(dir, `${name}.index`);
  const logPath = join(dir, `${name}.log`);
  const collection = createEmbeddedCollection(await loadSnapshot(snapshotPath));
  const logged = await readOperations(logPath);
  for (const operation of logged.operations) apply(collection, operation);

  let logBytes = logged.bytes;
  let snapshotBytes = await sizeOf(snapshotPath);
  const queue = createSerialQueue();

  const compactIfDue = async () => {
    if (logBytes < Math.max(compactionBytes, snapshotBytes)) return;
    await saveSnapshot(snapshotPath, collection.points());
    await rm(logPath, { force: true });
    logBytes = 0;
    snapshotBytes = await sizeOf(snapshotPath);
  };

  return {
    collection,
    record: (operation) => {
      apply(collection, operation);
      return queue(async () => {
        await mkdir(dir, { recursive: true });
        logBytes += await appendOperation(logPath, operation);
        await compactIfDue();
      });
    },
  };
}
