/**
 * 32-bit FNV-1a of a term's UTF-8 bytes: stable across processes, machines and runtimes, so a
 * sparse index built today still matches tomorrow's queries (Qdrant sparse indices are u32).
 * Hand-written because it is a few lines; a hashing library would add a dependency for nothing.
 */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const encoder = new TextEncoder();

export function hashTerm(term: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < term.length; i++) {
    const code = term.charCodeAt(i);
    // ASCII is its own UTF-8 encoding; hashing it in place spares an allocation per term,
    // which ingestion does millions of times. Anything else goes through the real encoder.
    if (code >= 0x80) return hashBytes(encoder.encode(term));
    hash = Math.imul(hash ^ code, FNV_PRIME);
  }
  return hash >>> 0;
}

function hashBytes(bytes: Uint8Array): number {
  let hash = FNV_OFFSET;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, FNV_PRIME);
  return hash >>> 0;
}
