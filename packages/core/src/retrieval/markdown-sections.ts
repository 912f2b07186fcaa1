/** A run of markdown text under one heading. */
export interface MarkdownSection {
  heading: string;
  body: string;
}

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const FENCE = /^\s*(```|~~~)/;

/**
 * Splits markdown at its headings (ignoring `#` lines inside code fences). Text before the first
 * heading gets `defaultHeading`. Hand-written: we only need heading boundaries, and a full
 * markdown parser would still leave us re-assembling the raw text between them.
 */
export function splitMarkdownSections(markdown: string, defaultHeading: string): MarkdownSection[] {
  const sections: MarkdownSection[] = [];
  let current: { heading: string; lines: string[] } = { heading: defaultHeading, lines: [] };
  let inFence = false;
  const flush = () => {
    const body = current.lines.join("\n").trim();
    if (body.length > 0) sections.push({ heading: current.heading, body });
  };
  for (const line of markdown.split(/\r?\n/)) {
    if (FENCE.test(line)) inFence = !inFence;
    const heading = inFence ? null : HEADING.exec(line);
    if (heading?.[2]) {
      flush();
      current = { heading: heading[2], lines: [] };
    } else {
      current.lines.push(line);
    }
  }
  flush();
  return sections;
}
