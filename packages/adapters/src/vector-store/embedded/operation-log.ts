import { appendFile, readFile } from "node:fs/promises";
import type { VectorFilter, VectorPoint } from "@wwhd/core/ports/vector-store.ts";

/** A change to a collection, as recorded in its log. */
export type Operation =
  | { op: "upsert"; points: VectorPoint[] }
  | { op: "delete"; filter: VectorFilter };

type LoggedPoint = Omit<VectorPoint, "dense" | "sparse"> & {
  dense: string;
  sparse: { indices: string; values: string };
};

/** Vectors travel as base64 of their typed arrays: a fraction of the size of JSON numbers. */
const toBase64 = (array: Float32Array | Uint32Array) =>
  Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString("base64");

function fromBase64<T extends Float32Array | Uint32Array>(
  base64: string,
  View: new (buffer: ArrayBuffer, offset: number, length: number) => T,
): number[] {
  const bytes = new Uint8Array(Buffer.from(base64, "base64"));
  return Array.from(new View(bytes.buffer, 0, bytes.byteLength / 4));
}

const logPoint = (point: VectorPoint): LoggedPoint => ({
  ...point,
  dense: toBase64(Float32Array.from(point.dense)),
  sparse: {
    indices: toBase64(Uint32Array.from(point.sparse.indices)),
    values: toBase64(Float32Array.from(point.sparse.values)),
  },
});

const readPoint = (point: LoggedPoint): VectorPoint => ({
  ...point,
  dense: fromBase64(point.dense, Float32Array),
  sparse: {
    indices: fromBase64(point.sparse.indices, Uint32Array),
    values: fromBase64(point.sparse.values, Float32Array),
  },
});

function serialise(operation: Operation): string {
  if (operation.op === "delete") return JSON.stringify(operation);
  return JSON.stringify({ op: "upsert", points: operation.points.map(logPoint) });
}

function deserialise(line: string): Operation {
  const parsed = JSON.parse(line) as Operation | { op: "upsert"; points: LoggedPoint[] };
  if (parsed.op === "delete") return parsed;
  return {
    op: "upsert",
    points: (parsed.points as LoggedPoint[]).map(readPoint),
  };
}

/**
 * The changes made since the last snapshot, one JSON line each: a change costs an append of
 * its own size, not a rewrite of the collection, so ingesting or remembering stays linear.
 */
export async function appendOperation(path: string, operation: Operation): Promise<number> {
  const line = `${serialise(operation)}\n`;
  await appendFile(path, line);
  return Buffer.byteLength(line);
}

/** The logged operations in order; a torn last line (a crash mid-append) is ignored. */
export async function readOperations(
  path: string,
): Promise<{ operations: Operation[]; bytes: number }> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { operations: [], bytes: 0 };
    throw error;
  }
  const lines = text.split("\n").filter((line) => line.length > 0);
  const operations: Operation[] = [];
  lines.forEach((line, i) => {
    try {
      operations.push(deserialise(line));
    } catch (error) {
      if (i < lines.length - 1) throw error;
    }
  });
  return { operations, bytes: Buffer.byteLength(text) };
}
