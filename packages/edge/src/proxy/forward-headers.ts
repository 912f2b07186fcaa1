import { ASSERTION_HEADER } from "../gate/assertion.ts";

/** Connection-scoped headers (RFC 9110 §7.6.1) a proxy must not pass on. */
const HOP_BY_HOP = [
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
];

function without(headers: Headers, names: string[]): Headers {
  const copy = new Headers(headers);
  for (const name of names) copy.delete(name);
  return copy;
}

/**
 * The request headers for the origin: the host is the origin's, the body is re-sent with its own
 * length, and a caller-supplied assertion never survives (the proxy sets its own).
 */
export const requestHeadersForOrigin = (headers: Headers): Headers =>
  without(headers, [...HOP_BY_HOP, "host", "content-length", ASSERTION_HEADER]);

/**
 * The origin's response headers for the client. `fetch` has already decoded any
 * content-encoding, so the encoding and length no longer describe the body passed on.
 */
export const responseHeadersForClient = (headers: Headers): Headers =>
  without(headers, [...HOP_BY_HOP, "content-encoding", "content-length"]);
