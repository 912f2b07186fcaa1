import { readFile } from "node:fs/promises";
import type { z } from "zod";

/** Validates parsed JSON; the error names its source and the first offending field. */
export function validateJson<T extends z.ZodType>(
  value: unknown,
  schema: T,
  source: string,
): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`${source}: ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`);
}

/** Reads and validates a JSON file. */
export async function loadJson<T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T>> {
  return validateJson(JSON.parse(await readFile(path, "utf8")), schema, path);
}
