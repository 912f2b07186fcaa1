/** A reply as ioredis's `callBuffer` hands it over. */
export type RawReply = Buffer | number | null | Error | RawReply[];
export type JsonReply = string | number | null | JsonReply[];

const OK = Buffer.from("OK");

/**
 * With `Upstash-Encoding: base64` every string in a reply is base64, nested ones included, except
 * a top-level `OK` status, which the client keeps as it is (and would otherwise read as the
 * decoding of "OK"). Without the header strings go out as UTF-8.
 */
export function encodeReply(reply: RawReply, base64: boolean): JsonReply {
  if (base64 && Buffer.isBuffer(reply) && reply.equals(OK)) return "OK";
  return encodeNested(reply, base64);
}

function encodeNested(reply: RawReply, base64: boolean): JsonReply {
  if (Buffer.isBuffer(reply)) return reply.toString(base64 ? "base64" : "utf8");
  if (Array.isArray(reply)) return reply.map((item) => encodeNested(item, base64));
  if (reply instanceof Error) return reply.message;
  return reply;
}
