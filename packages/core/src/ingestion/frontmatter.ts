import { parse as parseYaml } from "yaml";
import { z } from "zod";

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

const FrontmatterSchema = z.object({
  title: z.string().min(1).optional(),
  namespace: z.string().min(1).optional(),
  tags: z.array(z.coerce.string()).optional(),
});
export type Frontmatter = z.infer<typeof FrontmatterSchema>;

/**
 * Splits a leading `---` YAML block from a markdown body. The block boundaries are one regular
 * expression; the YAML itself is parsed by the `yaml` library. Throws on malformed YAML or
 * fields of the wrong type.
 */
export function parseFrontmatter(markdown: string): { data: Frontmatter; body: string } {
  const match = FRONTMATTER.exec(markdown);
  if (!match) return { data: {}, body: markdown };
  const data = FrontmatterSchema.parse(parseYaml(match[1] ?? "") ?? {});
  return { data, body: markdown.slice(match[0].length) };
}
