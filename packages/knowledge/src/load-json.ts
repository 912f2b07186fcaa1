import { readFile } from "node:fs/promises";
import type { z } from "zod";

/** Reads and validates a JSON file; the error names the file and the first offending field. */
export async function loadJson<T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T>> {
  const parsed = schema.safeParse(JSON.parse(await readFile(path, "utf8")));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`${path}: ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`);
}
