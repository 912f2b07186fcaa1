import {
  type CollectionName,
  type VectorPoint,
  type VectorStore,
  VectorStoreError,
} from "@wwhd/core/ports/vector-store.ts";
import type { EmbeddedCollection } from "./embedded-collection.ts";
import type { Operation } from "./operation-log.ts";
import { openPersistentCollection, type PersistentCollection } from "./persistent-collection.ts";
import { createSerialQueue } from "./serial-queue.ts";

const COLLECTIONS: CollectionName[] = ["knowledge", "memory"];

function checkDimensions(name: string, collection: EmbeddedCollection, vectors: number[][]) {
  const expected = collection.dimensions() ?? vectors[0]?.length;
  const wrong = vectors.find((vector) => vector.length !== expected);
  if (wrong)
    throw new VectorStoreError(
      `${name}: a vector has ${wrong.length} dimensions, the collection holds ${expected}`,
    );
}

/**
 * The default vector store: the Qdrant adapter's hybrid semantics in-process, each collection
 * persisted under `dir` (snapshot + change log), loaded once on first use.
 */
export function createEmbeddedVectorStore(options: {
  dir: string;
  /** Log size that triggers a new snapshot (default 8 MiB, or the snapshot's size if larger). */
  compactionBytes?: number;
}): VectorStore {
  let opened: Promise<Map<CollectionName, PersistentCollection>> | undefined;
  // Changes take effect in the order they were requested, even when callers do not await.
  const inOrder = createSerialQueue();

  const open = () => {
    opened ??= Promise.all(
      COLLECTIONS.map(
        async (name) =>
          [
            name,
            await openPersistentCollection(options.dir, name, options.compactionBytes),
          ] as const,
      ),
    )
      .then((entries) => new Map(entries))
      .catch((error: unknown) => {
        opened = undefined;
        throw new VectorStoreError(`cannot load the embedded index in ${options.dir}`, {
          cause: error,
        });
      });
    return opened;
  };

  const get = async (name: CollectionName): Promise<PersistentCollection> => {
    const found = (await open()).get(name);
    if (!found) throw new VectorStoreError(`unknown collection ${name}`);
    return found;
  };

  const record = async (name: CollectionName, operation: Operation) => {
    const { record } = await get(name);
    try {
      await record(operation);
    } catch (error) {
      throw new VectorStoreError(`cannot write the embedded index in ${options.dir}`, {
        cause: error,
      });
    }
  };

  return {
    kind: "embedded",
    ensureCollections: async () => {
      await open();
    },
    upsert: (name, points: VectorPoint[]) =>
      inOrder(async () => {
        if (points.length === 0) return;
        checkDimensions(
          name,
          (await get(name)).collection,
          points.map((p) => p.dense),
        );
        await record(name, { op: "upsert", points });
      }),
    delete: (name, filter) =>
      inOrder(async () => {
        if ((await get(name)).collection.count(filter) === 0) return;
        await record(name, { op: "delete", filter });
      }),
    query: async (name, query) => {
      const { collection } = await get(name);
      checkDimensions(name, collection, [query.dense]);
      return collection.query(query);
    },
    count: async (name, filter) => (await get(name)).collection.count(filter),
    health: async () => {
      try {
        const { collection } = await get("knowledge");
        return { kind: "embedded", status: "ok", detail: `${collection.size()} chunks` };
      } catch (error) {
        return { kind: "embedded", status: "down", detail: (error as Error).message };
      }
    },
  };
}
