import path from "node:path";

/**
 * Resolve a client path inside an inbox, whose only folder is its root `/`: the plain file name, `"/"` for the root
 * itself, or null for anything else (`..` anywhere, subfolders, another inbox's folder, control characters).
 */
export function resolveInboxPath(raw: string): { kind: "root" } | { kind: "file"; name: string } | null {
  for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) < 0x20) return null;
  if (raw.split(/[/\\]/).includes("..")) return null;
  const normal = path.posix.normalize(path.posix.join("/", raw));
  if (normal === "/" || normal === "/.") return { kind: "root" };
  const name = normal.slice(1);
  if (!name || name.includes("/") || name.includes("\\") || name.startsWith(".") || name.length > 255) return null;
  return { kind: "file", name };
}
