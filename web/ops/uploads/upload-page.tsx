import { useCallback } from "react";
import { Link } from "../../console/link.js";
import { Card } from "../../ui/card.js";
import { ErrorBanner } from "../../ui/error-banner.js";
import { usePageTitle } from "../../ui/page-title.js";
import { Spinner } from "../../ui/spinner.js";
import { StepHeading } from "../../ui/step-heading.js";
import { useLoad } from "../../ui/use-load.js";
import { getConnection } from "../connection/connection-api.js";
import type { OpsConnection, UploadView } from "../ops-types.js";
import { paths } from "../routes.js";
import { getUpload } from "./upload-api.js";
import { UploadWorkspace } from "./upload-workspace.js";

/** Props of {@link UploadPage}. */
export interface UploadPageProps {
  id: string;
}

/** The upload and its connection (whose provider owns the templates). */
async function loadUpload(id: string): Promise<{ upload: UploadView; connection: OpsConnection }> {
  const upload = await getUpload(id);
  return { upload, connection: await getConnection(upload.connection_id) };
}

/** One upload at `/ops/uploads/:id`, e.g. reopened from the connection's list of previous uploads. */
export function UploadPage({ id }: UploadPageProps) {
  const loaded = useLoad(id, loadUpload);
  const { data, setData } = loaded;
  usePageTitle(data ? `${data.upload.file_name} · Upload` : "Upload");
  const change = useCallback((upload: UploadView) => data && setData({ ...data, upload }), [data, setData]);

  if (data === null) return loaded.error === null ? <Spinner label="Loading upload…" /> : <ErrorBanner message={loaded.error} />;
  const { upload, connection } = data;
  return (
    <>
      <div className="page-title">
        <StepHeading>Upload for {connection.customer_name ?? "an unnamed employer"}</StepHeading>
        <Link href={paths.connection(connection.id)} data-testid="back-to-connection">
          ← {connection.provider.display_name} connection
        </Link>
      </div>
      <Card>
        <UploadWorkspace upload={upload} providerId={connection.provider.id} onChange={change} onDiscarded={() => void loaded.reload()} />
      </Card>
    </>
  );
}
