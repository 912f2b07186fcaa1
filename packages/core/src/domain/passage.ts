/** A retrieved chunk of the knowledge base (or of the user's memory), ready to be cited. */
export interface Passage {
  chunkId: string;
  documentId: string;
  title: string;
  section: string;
  namespace: string;
  text: string;
  score: number;
  /** "knowledge" for the corpus, "memory" for the user's own past turns. */
  origin: "knowledge" | "memory";
}
