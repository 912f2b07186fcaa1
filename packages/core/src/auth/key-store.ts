import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JSONWebKeySet,
  type JWK,
} from "jose";

export const SIGNING_ALGORITHM = "ES256";

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
}

/** Where access tokens are signed and how anyone can verify them. */
export interface KeyStore {
  signingKey(): Promise<SigningKey>;
  /** Public keys only: served at `/.well-known/jwks.json`. */
  publicJwks(): Promise<JSONWebKeySet>;
}

/** A new ES256 private key as a JWK whose `kid` is its RFC 7638 thumbprint. */
export async function generateSigningJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: SIGNING_ALGORITHM, use: "sig" };
}

function publicPart({ kty, crv, x, y, kid }: JWK): JWK {
  return { kty, crv, x, y, kid, alg: SIGNING_ALGORITHM, use: "sig" };
}

/**
 * A key store over private JWKs (from a file locally, from a secret in AWS). The first key
 * signs; every key stays published, so tokens signed before a rotation still verify.
 */
export async function createKeyStoreFromJwks(privateJwks: JWK[]): Promise<KeyStore> {
  const [current] = privateJwks;
  if (!current?.kid || !current.d)
    throw new Error("the first JWK must be a private key with a kid");
  const signing: SigningKey = {
    kid: current.kid,
    privateKey: (await importJWK(current, SIGNING_ALGORITHM)) as CryptoKey,
  };
  const jwks: JSONWebKeySet = { keys: privateJwks.map(publicPart) };
  return {
    signingKey: async () => signing,
    publicJwks: async () => jwks,
  };
}
