import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

export const SUPPORTED_DOCUMENT = /\.(md|markdown|txt|pdf)$/i;

/**
 * The ingestible files at `path`: the file itself, or every supported file below a directory,
 * sorted so runs are reproducible. A file named explicitly is returned whatever its extension,
 * so the parser can reject it with a clear error instead of it being silently skipped.
 */
export async function listDocumentFiles(path: string): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) return [path];
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && SUPPORTED_DOCUMENT.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
