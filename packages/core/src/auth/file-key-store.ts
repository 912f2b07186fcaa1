import { join } from "node:path";
import type { JSONWebKeySet } from "jose";
import { createKeyStoreFromJwks, generateSigningJwk, type KeyStore } from "./key-store.ts";
import { readOrCreatePrivateFile } from "./private-file.ts";

export const SIGNING_KEYS_FILE = "jwt-signing-keys.json";

/**
 * The local server's key store: an ES256 key pair generated on first start and kept (owner-only)
 * in `dir`, so tokens stay valid across restarts.
 */
export async function createFileKeyStore(dir: string): Promise<KeyStore> {
  const text = await readOrCreatePrivateFile(join(dir, SIGNING_KEYS_FILE), async () => {
    const keys: JSONWebKeySet = { keys: [await generateSigningJwk()] };
    return JSON.stringify(keys, null, 2);
  });
  return createKeyStoreFromJwks((JSON.parse(text) as JSONWebKeySet).keys);
}
