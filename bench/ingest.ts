import type { Database } from "@keel/db";
import type { benchApp } from "./app.ts";
import { log, median, percentile, round, rows } from "./lib.ts";

export type IngestFigures = {
  batchSize: number;
  batches: number;
  rows: number;
  rowsPerSecond: number;
  medianMs: number;
  p99Ms: number;
};

/**
 * (a) POST /api/v1/ingest/usage through the app (API key, validation, one transaction with the
 * upsert and the recompute of every account in the batch). A batch = one day of usage for
 * `batchSize` distinct accounts (how a daily export arrives), days going back from yesterday.
 */
export async function benchIngest(
  db: Database,
  app: Awaited<ReturnType<typeof benchApp>>,
  { batchSizes, rowsPerSize }: { batchSizes: number[]; rowsPerSize: number },
): Promise<IngestFigures[]> {
  const accounts = (
    await rows<{ id: string; seats: number }>(
      db,
      "select id, seats_purchased::int as seats from accounts where contract_start <= current_date order by id",
    )
  ).map((a) => a);
  const out: IngestFigures[] = [];
  let dayOffset = 1;
  for (const batchSize of batchSizes) {
    if (accounts.length < batchSize) throw new Error(`need ${batchSize} accounts, have ${accounts.length}`);
    const batches = Math.max(3, Math.ceil(rowsPerSize / batchSize));
    // one warm-up batch
    const latencies: number[] = [];
    let total = 0;
    let wall = 0;
    let cursor = 0;
    for (let b = -1; b < batches; b++) {
      const day = new Date(Date.now() - dayOffset * 86_400_000).toISOString().slice(0, 10);
      const records = [];
      for (let i = 0; i < batchSize; i++) {
        const a = accounts[(cursor + i) % accounts.length]!;
        const dau = Math.round(a.seats * (0.3 + ((i * 7919) % 50) / 100));
        records.push({
          accountId: a.id,
          day,
          dau,
          mau: Math.min(a.seats * 2, dau * 3),
          seats: a.seats,
          instanceVersion: "6.12.1",
        });
      }
      cursor += batchSize;
      if (cursor + batchSize > accounts.length) {
        cursor = 0;
        dayOffset++;
      }
      const started = performance.now();
      const result = await app.ingestUsage(records);
      const ms = performance.now() - started;
      if (result.accepted !== batchSize) throw new Error(`accepted ${result.accepted} of ${batchSize}`);
      if (b < 0) continue;
      latencies.push(ms);
      total += batchSize;
      wall += ms;
    }
    const figures = {
      batchSize,
      batches,
      rows: total,
      rowsPerSecond: Math.round(total / (wall / 1000)),
      medianMs: round(median(latencies)),
      p99Ms: round(percentile(latencies, 99)),
    };
    log("ingest", figures);
    out.push(figures);
    dayOffset++;
  }
  return out;
}
