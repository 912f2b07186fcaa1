import { basename, extname } from "node:path";

/** `Breath Counting (v2).md` → `breath-counting-v2`: the slug half of a document id. */
export function slugFromFileName(fileName: string): string {
  return basename(fileName, extname(fileName))
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/** `breath-counting.md` → `Breath counting`: a title for files that carry none. */
export function titleFromFileName(fileName: string): string {
  const words = basename(fileName, extname(fileName)).replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
