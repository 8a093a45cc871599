import type { Database } from "@keel/db";
import type { benchApp } from "./app.ts";
import { log, median, percentile, round, rows } from "./lib.ts";

export type LatencyFigures = {
  write: string;
  iterations: number;
  medianMs: number;
  p99Ms: number;
  maxMs: number;
};

/**
 * (b) From a write to its new score being readable: the write request, then GET health, until
 * the GET shows the score the write produced (X-7 makes it the first GET). Per iteration: ms
 * from the start of the write to the end of the GET.
 */
export async function benchLatency(
  db: Database,
  app: Awaited<ReturnType<typeof benchApp>>,
  { iterations }: { iterations: number },
): Promise<LatencyFigures[]> {
  const cookie = await app.signIn("manager@keel.test");
  const [account] = await rows<{ id: string; seats: number }>(
    db,
    "select id, seats_purchased::int as seats from accounts where contract_start <= current_date - 60 order by id limit 1",
  );
  if (!account) throw new Error("no customer account");
  const path = `/api/v1/accounts/${account.id}/health`;
  const out: LatencyFigures[] = [];

  // Manual traits: PUT with If-Match, then GET.
  {
    let version = Number((await app.call(cookie, "GET", path)).json.manualTraits.version);
    const pulses = ["healthy", "poor", "concerning"];
    const ms: number[] = [];
    for (let i = -5; i < iterations; i++) {
      const started = performance.now();
      const put = await app.call(
        cookie,
        "PUT",
        `/api/v1/accounts/${account.id}/traits`,
        { taPulse: pulses[(i + 5) % pulses.length], activeChampion: i % 2 === 0 },
        { "If-Match": `"${version}"` },
      );
      if (put.status !== 200) throw new Error(`PUT traits: ${put.status} ${put.text}`);
      const got = await app.call(cookie, "GET", path);
      const elapsed = performance.now() - started;
      if (got.json.computedAt !== put.json.computedAt || got.json.score !== put.json.score) {
        throw new Error("GET did not show the score the PUT produced");
      }
      version = Number(got.json.manualTraits.version);
      if (i >= 0) ms.push(elapsed);
    }
    out.push(figures("PUT manual traits → GET health", ms));
  }

  // Ingest one usage row (yesterday), then GET: the score must reflect it.
  {
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const ms: number[] = [];
    for (let i = -5; i < iterations; i++) {
      const dau = 1 + ((i + 5) % Math.max(2, account.seats));
      const started = performance.now();
      await app.ingestUsage([
        { accountId: account.id, day, dau, mau: dau, seats: account.seats, instanceVersion: "6.12.1" },
      ]);
      const got = await app.call(cookie, "GET", path);
      const elapsed = performance.now() - started;
      if (got.status !== 200) throw new Error(`GET health: ${got.status}`);
      if (i >= 0) ms.push(elapsed);
    }
    out.push(figures("POST ingest/usage (1 row) → GET health", ms));
  }
  for (const f of out) log("latency", f);
  return out;
}

const figures = (write: string, ms: number[]): LatencyFigures => ({
  write,
  iterations: ms.length,
  medianMs: round(median(ms)),
  p99Ms: round(percentile(ms, 99)),
  maxMs: round(Math.max(...ms)),
});
