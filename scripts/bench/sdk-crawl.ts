import Finch from "@tryfinch/finch-api";

/** How long a full directory crawl took and how many people it saw. */
export interface CrawlResult {
  ms: number;
  count: number;
}

/** Crawl the whole directory with the official SDK's auto-pagination (default page size 100). */
export async function crawlDirectory(baseURL: string, accessToken: string): Promise<CrawlResult> {
  const client = new Finch({ baseURL, accessToken, maxRetries: 0 });
  const started = performance.now();
  let count = 0;
  for await (const _person of client.hris.directory.list()) count++;
  return { ms: performance.now() - started, count };
}
