import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createFileKeyStore, SIGNING_KEYS_FILE } from "../../src/auth/file-key-store.ts";
import { loadOrCreateSecret } from "../../src/auth/private-file.ts";

describe("the file key store", () => {
  const dirs: string[] = [];
  const freshDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), "wwhd-keys-"));
    dirs.push(dir);
    return join(dir, "keys");
  };
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it("generates a key pair on first start, owner-only, and reuses it afterwards", async () => {
    const dir = await freshDir();
    const first = await createFileKeyStore(dir);
    const second = await createFileKeyStore(dir);
    expect((await second.signingKey()).kid).toBe((await first.signingKey()).kid);
    expect(await second.publicJwks()).toEqual(await first.publicJwks());
    expect((await stat(join(dir, SIGNING_KEYS_FILE))).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(join(dir, SIGNING_KEYS_FILE), "utf8")).keys[0].d).toBeTruthy();
  });

  it("ends up with one key when several processes start at once", async () => {
    const dir = await freshDir();
    const stores = await Promise.all(Array.from({ length: 5 }, () => createFileKeyStore(dir)));
    const kids = await Promise.all(stores.map(async (s) => (await s.signingKey()).kid));
    expect(new Set(kids).size).toBe(1);
  });

  it("keeps a random secret the same way", async () => {
    const path = join(await freshDir(), "cursor-secret");
    const secret = await loadOrCreateSecret(path);
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(await loadOrCreateSecret(path)).toBe(secret);
  });
});
