import { type Namespace, NamespaceSchema } from "@wwhd/core/domain/namespace.ts";
import { z } from "zod";
import { loadJson } from "./load-json.ts";
import { namespacesFile } from "./paths.ts";

const NamespacesSchema = z
  .array(NamespaceSchema)
  .min(1)
  .refine(
    (list) => new Set(list.map((ns) => ns.id)).size === list.length,
    "duplicate namespace id",
  );

/** The knowledge namespaces (namespaces.json), validated. */
export const loadNamespaces = (path = namespacesFile): Promise<Namespace[]> =>
  loadJson(path, NamespacesSchema);
