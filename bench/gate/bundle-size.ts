import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/** The Worker as Cloudflare would run it: one ESM bundle, minified; size raw and gzipped. */
export async function edgeBundleSize(
  entry: string,
): Promise<{ minifiedBytes: number; gzippedBytes: number }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    conditions: ["workerd", "worker", "browser"],
    write: false,
    logLevel: "error",
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minifiedBytes: code.byteLength, gzippedBytes: gzipSync(code, { level: 9 }).byteLength };
}
