import { Link } from "../../console/link.js";
import { formatBytes, formatDateTime } from "../../ui/format.js";
import { paths } from "../routes.js";
import { FILE_STATUS_WORDS, type FileStatus, groupWords, type IntakeFile } from "./intake-api.js";

const PILL: Record<FileStatus, string> = {
  received: "pill-processing",
  published: "pill-connected",
  held: "pill-pending",
  rejected: "pill-attention",
  duplicate: "pill-disconnected",
};

/** A file's status as a coloured pill. */
export function FileStatusPill({ status }: { status: FileStatus }) {
  return (
    <span className={`pill ${PILL[status]}`} data-testid="file-status">
      {FILE_STATUS_WORDS[status]}
    </span>
  );
}

/** Why a file is where it is: the first failed check, or who decided and why. */
export function fileReason(f: IntakeFile): string {
  if (f.decision_reason) return `${f.status === "published" ? "Published anyway" : "Rejected"}: ${f.decision_reason}`;
  const failed = f.verdict.find((l) => !l.ok);
  if (failed) return failed.message;
  if (f.status === "published") return "Passed every check";
  return f.status === "received" ? "Waiting to be processed" : "";
}

/** Delivered files, newest first: employer, file, kind, how it came, status and why. */
export function IntakeFileTable({ files }: { files: IntakeFile[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="intake-files">
        <thead>
          <tr>
            <th scope="col">Received</th>
            <th scope="col">Employer</th>
            <th scope="col">File</th>
            <th scope="col">Report</th>
            <th scope="col">Status</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {files.map((f) => (
            <tr key={f.id} data-testid="intake-file-row">
              <td className="nowrap">{formatDateTime(f.received_at)}</td>
              <td>{f.customer_name ?? "Unnamed employer"}</td>
              <td>
                <Link href={paths.intakeFile(f.id)} data-testid="intake-file-link">
                  {f.file_name}
                </Link>
                <div className="small muted">
                  {f.channel === "sftp" ? "SFTP" : "Files API"} · {formatBytes(f.size_bytes)}
                </div>
              </td>
              <td>{groupWords(f.group)}</td>
              <td>
                <FileStatusPill status={f.status} />
              </td>
              <td className="small">{fileReason(f)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
