/**
 * The caller's address for per-IP limits. `cf-connecting-ip` is set by Cloudflare and cannot be
 * forged through it; otherwise the last `x-forwarded-for` entry, the one the nearest proxy (API
 * Gateway, CloudFront) appended, since earlier entries are whatever the client sent.
 */
export function defaultClientIp(request: Request): string {
  const cloudflare = request.headers.get("cf-connecting-ip");
  if (cloudflare) return cloudflare;
  const forwarded = request.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || "unknown";
}
