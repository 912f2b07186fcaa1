import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";

/**
 * What the index was last built from: the embedder, the chunking/encoding version and the hash
 * of every corpus document. Kept next to the index, it lets start-up skip unchanged documents.
 */
const ManifestSchema = z.object({
  indexVersion: z.string(),
  embedderId: z.string(),
  documents: z.record(z.string(), z.string()),
});
export type CorpusManifest = z.infer<typeof ManifestSchema>;

export async function readManifest(path: string): Promise<CorpusManifest | undefined> {
  try {
    return ManifestSchema.parse(JSON.parse(await readFile(path, "utf8")));
  } catch {
    // Missing or unreadable: treat the index as unknown and rebuild it.
    return undefined;
  }
}

export async function writeManifest(path: string, manifest: CorpusManifest): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(manifest, null, 2));
  await rename(temporary, path);
}

/**
 * Called before the index is changed: if the process dies half-way, the next start finds no
 * manifest and rebuilds instead of trusting a record of an index that no longer exists.
 */
export const forgetManifest = (path: string): Promise<void> => rm(path, { force: true });
