import { type Namespace, NamespaceSchema } from "@wwhd/core/domain/namespace.ts";
import { z } from "zod";
import registry from "../namespaces.json" with { type: "json" };
import { loadJson, validateJson } from "./load-json.ts";

const NamespacesSchema = z
  .array(NamespaceSchema)
  .min(1)
  .refine(
    (list) => new Set(list.map((ns) => ns.id)).size === list.length,
    "duplicate namespace id",
  );

/**
 * The knowledge namespaces, validated: the project's namespaces.json (imported, so a bundled
 * Lambda function carries it), or another file.
 */
export const loadNamespaces = async (path?: string): Promise<Namespace[]> =>
  path
    ? loadJson(path, NamespacesSchema)
    : validateJson(registry, NamespacesSchema, "namespaces.json");
