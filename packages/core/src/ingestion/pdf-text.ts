import { extractText, getDocumentProxy } from "unpdf";

/** The text of every page of a PDF, pages separated by blank lines (unpdf wraps PDF.js). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  // PDF.js takes ownership of (detaches) the buffer it is given: hand it a copy. Verbosity 0
  // keeps its repair warnings off the console; a PDF it cannot read still throws.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  try {
    const { text } = await extractText(pdf, { mergePages: false });
    return text.join("\n\n");
  } finally {
    await pdf.destroy();
  }
}
