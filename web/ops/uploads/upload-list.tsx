import { Link } from "../../console/link.js";
import { formatDate, formatDateTime, statusWords } from "../../ui/format.js";
import { GROUP_LABELS } from "../labels.js";
import type { OpsConnection } from "../ops-types.js";
import { paths } from "../routes.js";

/** Props of {@link UploadList}. */
export interface UploadListProps {
  uploads: OpsConnection["uploads"];
}

/** Earlier uploads of the connection, newest first, each linking to its upload page. */
export function UploadList({ uploads }: UploadListProps) {
  if (uploads.length === 0) return <p className="muted">No files have been uploaded yet.</p>;
  const rows = [...uploads].sort((a, b) => b.created_at.localeCompare(a.created_at));
  return (
    <ul className="upload-list" data-testid="uploads">
      {rows.map((u) => (
        <li key={u.id} data-testid={`upload-${u.id}`}>
          <Link href={paths.upload(u.id)}>{u.file_name}</Link>
          <span className={`badge badge-${u.group}`}>{GROUP_LABELS[u.group]}</span>
          <span className={`badge badge-upload-${u.status}`}>{statusWords(u.status)}</span>
          {u.purged_at !== null && <span className="small muted">file deleted {formatDate(u.purged_at)}</span>}
          <span className="small muted">{formatDateTime(u.created_at)}</span>
        </li>
      ))}
    </ul>
  );
}
