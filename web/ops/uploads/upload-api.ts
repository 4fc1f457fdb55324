import { consoleFetch, queryString } from "../../console/console-fetch.js";
import type { Group, Mapping, Template, UploadView } from "../ops-types.js";

/** The upload workflow's calls: upload → map → validate → publish (or discard), and mapping templates. */

const uploadPath = (id: string) => `/ops/api/uploads/${encodeURIComponent(id)}`;

/** Sends a provider export as the raw request body; the answer is the parsed, validated upload. */
export function uploadFile(connectionId: string, group: Group, file: File): Promise<UploadView> {
  const query = queryString({ group, file_name: file.name });
  return consoleFetch<UploadView>(`/ops/api/connections/${encodeURIComponent(connectionId)}/uploads${query}`, { raw: file });
}

/** An upload as it stands. */
export function getUpload(id: string): Promise<UploadView> {
  return consoleFetch<UploadView>(uploadPath(id));
}

/** Maps the file with an edited mapping (the answer carries the new preview, report and diff). */
export function setMapping(id: string, mapping: Mapping): Promise<UploadView> {
  return consoleFetch<UploadView>(`${uploadPath(id)}/mapping`, { method: "PUT", json: { mapping } });
}

/** Maps the file with a saved template. */
export function applyTemplate(id: string, templateId: string): Promise<UploadView> {
  return consoleFetch<UploadView>(`${uploadPath(id)}/mapping`, { method: "PUT", json: { template_id: templateId } });
}

/** Publishes the upload as a new snapshot; `retrievedAt` is an ISO timestamp. */
export function publishUpload(id: string, confirm: boolean, retrievedAt?: string): Promise<UploadView> {
  return consoleFetch<UploadView>(`${uploadPath(id)}/publish`, { json: { confirm, retrieved_at: retrievedAt } });
}

/** Discards the upload (it stays on file, marked discarded). */
export function discardUpload(id: string): Promise<void> {
  return consoleFetch<void>(uploadPath(id), { method: "DELETE" });
}

/** Saved and built-in templates of a provider for one group. */
export function listTemplates(providerId: string, group: Group): Promise<Template[]> {
  return consoleFetch<Template[]>(`/ops/api/templates${queryString({ provider: providerId, group })}`);
}

/** Saves a mapping as a named template of the provider. */
export function saveTemplate(providerId: string, name: string, mapping: Mapping): Promise<Template> {
  return consoleFetch<Template>("/ops/api/templates", { json: { provider_id: providerId, name, mapping } });
}
