/**
 * Whether an `Accept-Encoding` header accepts gzip (RFC 9110 §12.5.3): a `gzip` (or `x-gzip`) entry with a q-value
 * above 0, or, without one, a `*` entry above 0. The official Node SDK sends `gzip, deflate` on every request.
 */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  if (header === undefined) return false;
  let gzip: number | null = null;
  let any: number | null = null;
  for (const entry of (Array.isArray(header) ? header.join(",") : header).split(",")) {
    const [coding = "", ...params] = entry.split(";").map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (Number.isNaN(weight)) continue;
    if (coding === "gzip" || coding === "x-gzip") gzip = Math.max(gzip ?? 0, weight);
    else if (coding === "*") any = weight;
  }
  return (gzip ?? any ?? 0) > 0;
}
