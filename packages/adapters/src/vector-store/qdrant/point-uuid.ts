import { createHash } from "node:crypto";

/**
 * Qdrant point ids must be unsigned integers or UUIDs; ours are content hashes. A name-based
 * UUID (version 8, RFC 9562: SHA-256 of the id, version and variant bits set) maps each id to
 * the same UUID everywhere; the original id travels in the payload to be handed back.
 */
export function pointUuid(id: string): string {
  const bytes = createHash("sha256").update(id).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
