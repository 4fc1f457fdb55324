/** Detection step: which known report a file is, from its headers. */
import { type MappingTemplate, REQUIRED_FIELDS } from "./mapping.js";
import { normalizeHeader } from "./normalize-header.js";

/** The best template for a file. */
export interface DetectedMapping {
  /** The template. */
  template: MappingTemplate;
  /** Share of the template's columns the file has, 0–1. */
  score: number;
  /** The template's columns the file lacks, as the template names them. */
  missing: string[];
}

/** Below this share of its columns a template is not considered a match. */
const MIN_SCORE = 0.5;

/**
 * The template whose columns the file covers best (case- and space-insensitively), or null when none has its
 * required columns (employee id, names or pay date and amounts) and at least half of its columns.
 */
export function detectMapping(headers: readonly string[], templates: readonly MappingTemplate[]): DetectedMapping | null {
  const present = new Set(headers.map(normalizeHeader));
  let best: (DetectedMapping & { found: number }) | null = null;
  for (const template of templates) {
    const { columns } = template.mapping;
    const required = REQUIRED_FIELDS[template.group] as readonly string[];
    let hasRequired = true;
    const missing: string[] = [];
    let total = 0;
    for (const [field, column] of Object.entries(columns)) {
      if (column === undefined) continue;
      total++;
      if (present.has(normalizeHeader(column))) continue;
      missing.push(column);
      if (required.includes(field)) hasRequired = false;
    }
    if (!hasRequired || total === 0) continue;
    const found = total - missing.length;
    const score = Math.round((found / total) * 1000) / 1000;
    if (score < MIN_SCORE) continue;
    if (!best || score > best.score || (score === best.score && found > best.found)) best = { template, score, missing, found };
  }
  if (!best) return null;
  return { template: best.template, score: best.score, missing: best.missing };
}
