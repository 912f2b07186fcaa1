import { randomBytes } from "node:crypto";
import { link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if (code(error) === "ENOENT") return undefined;
    throw error;
  }
}

/**
 * The file's content, creating it first (readable by the owner only) when it does not exist.
 * Written aside and hard-linked into place, which fails if the file appeared meanwhile: two
 * processes starting at once end up with the same, complete content.
 */
export async function readOrCreatePrivateFile(
  path: string,
  create: () => Promise<string>,
): Promise<string> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const existing = await readIfPresent(path);
  if (existing !== undefined) return existing;
  const aside = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(aside, await create(), { mode: 0o600 });
  try {
    await link(aside, path);
  } catch (error) {
    if (code(error) !== "EEXIST") throw error;
  } finally {
    await rm(aside, { force: true });
  }
  return readFile(path, "utf8");
}

/** A random secret kept in a file, e.g. the page-cursor secret of the local server. */
export async function loadOrCreateSecret(path: string): Promise<string> {
  const secret = await readOrCreatePrivateFile(path, async () =>
    randomBytes(32).toString("base64url"),
  );
  return secret.trim();
}
