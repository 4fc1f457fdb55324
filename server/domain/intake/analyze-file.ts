/** Read a stored delivery back and run the pipeline on it: recipe match → parse → map → validate → diff → gate. */
import { latestPaymentStatements } from "../../db/repositories/benefits.repository.js";
import type { ConnectionRow } from "../../db/repositories/connections.repository.js";
import { findInbox, type IntakeFileRow } from "../../db/repositories/intake.repository.js";
import type { Deps } from "../deps.js";
import { analyzeTable, type UploadAnalysis } from "../ops/upload-analysis.js";
import { runGate, type VerdictLine } from "./gate.js";
import { fileAad } from "./receive-file.js";
import { companyCodes, matchRecipe, type RecipeMatch, unknownColumns } from "./recipes.js";

/** What the pipeline made of a file. */
export type FileAnalysis =
  | { kind: "unreadable"; message: string }
  | { kind: "unmatched"; message: string }
  | { kind: "analysed"; match: RecipeMatch; analysis: UploadAnalysis; verdict: VerdictLine[] };

/** A stored file's bytes, unsealed. */
export function fileBytes(deps: Pick<Deps, "cipher">, file: Pick<IntakeFileRow, "id" | "contentSealed">): Buffer {
  return Buffer.from(deps.cipher.decrypt(file.contentSealed, fileAad(file.id)), "base64");
}

/** Run the existing pipeline on a delivered file against what the connection serves now, and the gate after it. */
export async function analyzeFile(deps: Deps, connection: ConnectionRow, file: IntakeFileRow): Promise<FileAnalysis> {
  const { match, recipes, unreadable } = await matchRecipe(deps, connection.id, fileBytes(deps, file), file.fileName);
  if (!match && unreadable) return { kind: "unreadable", message: `The file could not be read: ${unreadable}` };
  if (!match) {
    return {
      kind: "unmatched",
      message:
        recipes === 0
          ? "No recipe yet: publish this connection's first census or payroll register by hand; its mapping becomes the recipe"
          : "The file's header matches none of this connection's recipes (a changed report? fix the recipe and re-run)",
    };
  }
  const analysis = await analyzeTable(deps, connection, match.table, match.mapping);
  const inbox = await findInbox(deps.db, connection.id);
  const limits = { ...deps.config.intake.gate, ...(inbox?.gate ?? {}) };
  const known = match.recipe.identity;
  const found = companyCodes(match.table);
  const foreignCompanies = known && found ? found.values.filter((v) => !known.values.includes(v)) : [];
  const lastPayDate =
    analysis.group === "pay" && connection.paySnapshotId
      ? ((await latestPaymentStatements(deps.db, connection.paySnapshotId))?.payDate ?? null)
      : null;
  const verdict = runGate(analysis, {
    limits,
    unknownColumns: unknownColumns(match.table, match.recipe.knownHeaders),
    foreignCompanies,
    lastPayDate,
  });
  return { kind: "analysed", match, analysis, verdict };
}
