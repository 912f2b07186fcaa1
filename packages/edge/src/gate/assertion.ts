import { jwtVerify, SignJWT } from "jose";

/** The header the edge proxy sets and the origin gate trusts when its HMAC checks out. */
export const ASSERTION_HEADER = "x-wwhd-gate-assertion";
const TYPE = "wwhd-gate+jwt";
const ISSUER = "wwhd-edge";
const AUDIENCE = "wwhd-origin";
/** Long enough for the edge-to-origin hop, short enough to be useless if it leaks. */
const LIFETIME_SECONDS = 30;

/** What the edge vouches for: this request (method + path) was authenticated and counted. */
export interface GateAssertion {
  userId?: string;
  requestId: string;
  method: string;
  path: string;
  /** The quota reservation the origin's chat route settles. */
  quota?: { day: string; reserved: number };
}

const keyOf = (secret: string) => new TextEncoder().encode(secret);

/** An HMAC-SHA256 (HS256, WebCrypto via jose) JWT, separate in type and audience from access tokens. */
export function signAssertion(
  assertion: GateAssertion,
  secret: string,
  now: number,
): Promise<string> {
  const issuedAt = Math.floor(now / 1000);
  const jwt = new SignJWT({
    rid: assertion.requestId,
    htm: assertion.method,
    htu: assertion.path,
    ...(assertion.quota && { q: assertion.quota }),
  })
    .setProtectedHeader({ alg: "HS256", typ: TYPE })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + LIFETIME_SECONDS);
  if (assertion.userId) jwt.setSubject(assertion.userId);
  return jwt.sign(keyOf(secret));
}

/** Verifies signature, lifetime and that it was made for this very method and path; throws otherwise. */
export async function verifyAssertion(
  token: string,
  secret: string,
  request: { method: string; path: string },
  now: number,
): Promise<GateAssertion> {
  const { payload } = await jwtVerify(token, keyOf(secret), {
    algorithms: ["HS256"],
    typ: TYPE,
    issuer: ISSUER,
    audience: AUDIENCE,
    requiredClaims: ["exp", "iat", "rid"],
    maxTokenAge: LIFETIME_SECONDS,
    clockTolerance: 5,
    currentDate: new Date(now),
  });
  if (payload.htm !== request.method || payload.htu !== request.path) {
    throw new Error("the assertion was made for another request");
  }
  const quota = payload.q as GateAssertion["quota"] | undefined;
  return {
    ...(payload.sub && { userId: payload.sub }),
    requestId: String(payload.rid),
    method: request.method,
    path: request.path,
    ...(quota && { quota }),
  };
}
