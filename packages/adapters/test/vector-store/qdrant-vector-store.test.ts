import { beforeEach, describe, expect, it } from "vitest";
import { useMsw } from "../../../../test/support/msw.ts";
import { createQdrantVectorStore } from "../../src/vector-store/qdrant/qdrant-vector-store.ts";
import {
  createQdrantEmulatorState,
  QDRANT_TEST_URL,
  type QdrantEmulatorState,
  qdrantHandlers,
} from "./qdrant-emulator.ts";
import { describeVectorStoreContract } from "./vector-store-contract.ts";

const server = useMsw();

let state: QdrantEmulatorState;
const makeStore = (timeoutMs = 1000) =>
  createQdrantVectorStore({ url: QDRANT_TEST_URL, dimensions: 4, timeoutMs });

beforeEach(() => {
  state = createQdrantEmulatorState();
  server.use(...qdrantHandlers(state));
});

describeVectorStoreContract("qdrant", async () => makeStore());

describe("qdrant adapter", () => {
  const sparseQuery = { indices: [7], values: [1] };

  it("creates both collections with named dense/sparse vectors and payload indexes", async () => {
    await makeStore().ensureCollections();
    const knowledge = state.collections.get("knowledge");
    expect(knowledge?.config).toEqual({
      vectors: { dense: { size: 4, distance: "Cosine" } },
      sparse_vectors: { sparse: { modifier: "idf" } },
    });
    expect(knowledge?.indexes).toEqual({ namespace: "keyword", documentId: "keyword" });
    expect(state.collections.get("memory")?.indexes).toEqual({
      userId: { type: "keyword", is_tenant: true },
    });
  });

  it("does not re-create collections that exist", async () => {
    const store = makeStore();
    await store.ensureCollections();
    state.requests.length = 0;
    await store.ensureCollections();
    expect(
      state.requests.filter((r) => r.method === "put" && r.path.match(/^\/collections\/\w+$/)),
    ).toEqual([]);
  });

  it("sends one Query API request per hybrid query: two filtered prefetches and RRF", async () => {
    const store = makeStore();
    await store.ensureCollections();
    state.requests.length = 0;
    await store.query("knowledge", {
      dense: [1, 0, 0, 0],
      sparse: sparseQuery,
      filter: { namespaces: ["meditation"] },
      limit: 5,
    });
    expect(state.requests).toHaveLength(1);
    expect(state.requests[0]).toMatchObject({
      method: "post",
      path: "/collections/knowledge/points/query",
      body: {
        prefetch: [
          {
            using: "dense",
            limit: 20,
            filter: { must: [{ key: "namespace", match: { any: ["meditation"] } }] },
          },
          { using: "sparse", limit: 20, query: sparseQuery },
        ],
        query: { rrf: { k: 60 } },
        limit: 5,
      },
    });
  });

  it("stores points under deterministic UUIDs and returns our ids", async () => {
    const store = makeStore();
    await store.ensureCollections();
    const point = {
      id: "4f1c0b7e9a2d4e6f8a1b3c5d7e9f0a12",
      dense: [1, 0, 0, 0],
      sparse: sparseQuery,
      payload: { documentId: "d/x", title: "X", section: "S", namespace: "d", text: "t" },
    };
    await store.upsert("knowledge", [point]);
    await store.upsert("knowledge", [point]);
    const stored = [...(state.collections.get("knowledge")?.points.keys() ?? [])];
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const [hit] = await store.query("knowledge", {
      dense: [1, 0, 0, 0],
      sparse: sparseQuery,
      limit: 1,
    });
    expect(hit?.id).toBe(point.id);
    expect(hit?.payload).toEqual(point.payload);
  });

  it.each([500, 503])("turns a %i into a VectorStoreError", async (status) => {
    const store = makeStore();
    await store.ensureCollections();
    state.failWith = status;
    await expect(
      store.query("knowledge", { dense: [1, 0, 0, 0], sparse: sparseQuery, limit: 1 }),
    ).rejects.toMatchObject({ name: "VectorStoreError" });
    expect((await store.health()).status).toBe("down");
  });

  it("turns a timeout into a VectorStoreError", async () => {
    const store = makeStore(50);
    await store.ensureCollections();
    state.delayMs = 500;
    await expect(
      store.query("knowledge", { dense: [1, 0, 0, 0], sparse: sparseQuery, limit: 1 }),
    ).rejects.toMatchObject({ name: "VectorStoreError", message: expect.stringMatching(/query/) });
  });

  it("rejects vectors of the wrong size with a VectorStoreError, as Qdrant answers 400", async () => {
    const store = makeStore();
    await store.ensureCollections();
    await expect(
      store.upsert("knowledge", [
        {
          id: "x",
          dense: [1, 0],
          sparse: sparseQuery,
          payload: { documentId: "d/x", title: "X", section: "S", namespace: "d", text: "t" },
        },
      ]),
    ).rejects.toMatchObject({ name: "VectorStoreError" });
  });
});
