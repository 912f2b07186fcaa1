import { describe, expect, it } from "vitest";
import { parseDocumentFile } from "../../src/ingestion/parse-document-file.ts";
import { minimalPdf } from "./minimal-pdf.ts";

const namespaces = ["meditation", "diet_food"];
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("parseDocumentFile", () => {
  it("reads markdown frontmatter: title, namespace, tags", async () => {
    const doc = await parseDocumentFile(
      {
        name: "corpus/meditation/Breath Counting.md",
        bytes: utf8(
          "---\ntitle: Breath Counting\nnamespace: meditation\ntags: [breath, focus]\n---\n# Breath\n\nCount.",
        ),
      },
      { namespaces },
    );
    expect(doc).toMatchObject({
      documentId: "meditation/breath-counting",
      namespace: "meditation",
      title: "Breath Counting",
      tags: ["breath", "focus"],
    });
    expect(doc.text.startsWith("# Breath")).toBe(true);
    expect(doc.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reads plain text with the namespace given by the caller and a title from the file name", async () => {
    const doc = await parseDocumentFile(
      { name: "green-tea.txt", bytes: utf8("Brew green tea gently.") },
      { namespaces, namespace: "diet_food" },
    );
    expect(doc).toMatchObject({ documentId: "diet_food/green-tea", title: "Green tea" });
  });

  it("extracts the text of a PDF", async () => {
    const doc = await parseDocumentFile(
      {
        name: "tea.pdf",
        bytes: minimalPdf(["Green tea calms the mind.", "Brew it below boiling."]),
      },
      { namespaces, namespace: "diet_food" },
    );
    expect(doc.text).toContain("Green tea calms the mind.");
    expect(doc.text).toContain("Brew it below boiling.");
  });

  it.each([
    ["empty", { name: "a.md", bytes: new Uint8Array() }, {}],
    ["empty", { name: "a.md", bytes: utf8("---\nnamespace: meditation\n---\n \n") }, {}],
    [
      "binary",
      { name: "a.txt", bytes: new Uint8Array([0x68, 0, 0x69]) },
      { namespace: "meditation" },
    ],
    [
      "binary",
      { name: "a.txt", bytes: new Uint8Array([0xff, 0xfe, 0x41]) },
      { namespace: "meditation" },
    ],
    ["too_large", { name: "a.txt", bytes: utf8("x".repeat(101)) }, { maxBytes: 100 }],
    ["unsupported_type", { name: "a.docx", bytes: utf8("hello") }, {}],
    ["unknown_namespace", { name: "a.md", bytes: utf8("---\nnamespace: cooking\n---\nSoup.") }, {}],
    ["unknown_namespace", { name: "a.txt", bytes: utf8("Soup.") }, {}],
    ["invalid_frontmatter", { name: "a.md", bytes: utf8("---\ntitle: [unclosed\n---\nText.") }, {}],
    ["invalid_frontmatter", { name: "a.md", bytes: utf8("---\ntags: 5\n---\nText.") }, {}],
    [
      "unreadable_pdf",
      { name: "a.pdf", bytes: utf8("not a pdf at all") },
      { namespace: "meditation" },
    ],
    [
      "unreadable_pdf",
      { name: "a.pdf", bytes: utf8("%PDF-1.4 truncated") },
      { namespace: "meditation" },
    ],
  ])("rejects a bad file with code %s", async (code, file, extra) => {
    await expect(parseDocumentFile(file, { namespaces, ...extra })).rejects.toMatchObject({
      name: "IngestionError",
      code,
      source: file.name,
    });
  });
});
