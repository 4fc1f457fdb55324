import { z } from "zod";
import { PagingSchema } from "./employer.js";

/** The document types Linnet serves: the spec's `w4_2020` and `w4_2005`. */
export const DOCUMENT_TYPES = ["w4_2020", "w4_2005"] as const;
/** A document type. */
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** One element of `GET /employer/documents` (`DocumentItem`); `url` is Linnet's `/employer/documents/{id}`. */
export const DocumentItemSchema = z
  .object({
    id: z.string(),
    individual_id: z.string().nullable(),
    url: z.string(),
    year: z.number(),
    type: z.enum(DOCUMENT_TYPES),
  })
  .meta({ id: "DocumentItem" });

/** `ListDocumentsResponse`. */
export const ListDocumentsResponseSchema = z
  .object({ paging: PagingSchema, documents: z.array(DocumentItemSchema) })
  .meta({ id: "ListDocumentsResponse" });

/** The fields of a 2020 W-4 (`W4Document2020.data`); amounts in cents. */
export const W4Data2020Schema = z.object({
  individual_id: z.string(),
  filing_status: z
    .enum(["head_of_household", "married_filing_jointly_or_qualifying_surviving_spouse", "single_or_married_filing_separately"])
    .nullable(),
  amount_for_qualifying_children_under_17: z.number().int(),
  total_claim_dependent_and_other_credits: z.number().int(),
  amount_for_other_dependents: z.number().int(),
  other_income: z.number().int(),
  deductions: z.number().int(),
  extra_withholding: z.number().int(),
});

/** The fields of a 2005 W-4 (`W4Document2005.data`); `additional_withholding` in cents. */
export const W4Data2005Schema = z.object({
  individual_id: z.string(),
  filing_status: z.enum(["married", "married_but_withhold_at_higher_single_rate", "single"]).nullable(),
  total_number_of_allowances: z.number().int(),
  additional_withholding: z.number().int(),
  exemption: z.enum(["exempt", "non_exempt"]).nullable(),
});

/** `W4Document2020`. */
export const W4Document2020Schema = z
  .object({ type: z.literal("w4_2020"), year: z.number(), data: W4Data2020Schema })
  .meta({ id: "W4Document2020" });
/** `W4Document2005`. */
export const W4Document2005Schema = z
  .object({ type: z.literal("w4_2005"), year: z.number(), data: W4Data2005Schema })
  .meta({ id: "W4Document2005" });

/** `GET /employer/documents/{document_id}`: one W-4, by its type. */
export const DocumentSchema = z.discriminatedUnion("type", [W4Document2020Schema, W4Document2005Schema]);
/** A served W-4 document. */
export type Document = z.infer<typeof DocumentSchema>;

/**
 * One W-4 as a source supplies it (sandbox generator, operator's JSON): the person by source id, the form's fields
 * without `individual_id`. One document per person, type and year: re-publishing it keeps its id.
 */
export const DocumentInputSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("w4_2020"),
    year: z.number().int().min(2020).max(2100),
    individual_source_id: z.string().min(1).max(200),
    data: W4Data2020Schema.omit({ individual_id: true }),
  }),
  z.object({
    type: z.literal("w4_2005"),
    year: z.number().int().min(1900).max(2100),
    individual_source_id: z.string().min(1).max(200),
    data: W4Data2005Schema.omit({ individual_id: true }),
  }),
]);
/** A W-4 as a source supplies it. */
export type DocumentInput = z.infer<typeof DocumentInputSchema>;

/** A `DocumentItem`. */
export type DocumentItem = z.infer<typeof DocumentItemSchema>;
