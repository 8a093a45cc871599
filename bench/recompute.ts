import { type Database, loadHealthFacts, loadPolicyInForce } from "@keel/db";
import { recomputeAllHealth, scoreFacts, systemContext, writeHealthScores } from "@keel/services";
import { log, round, rows } from "./lib.ts";

export type RecomputeFigures = {
  accounts: number;
  seedSeconds: number;
  usageDays: number;
  sweepSeconds: number[];
  bareUpdateSeconds: number;
  ratio: number;
  phases?: { readSeconds: number; computeSeconds: number; writeSeconds: number };
};

/**
 * (c) Whole-book recompute: recomputeAllHealth (lease, derive, compute, write) on a seeded book,
 * twice, against a bare `UPDATE account_health SET computed_at = now()` of the same rows.
 */
export async function benchRecompute(
  db: Database,
  {
    accounts,
    seedSeconds,
    usageDays,
    runs,
    phases,
  }: { accounts: number; seedSeconds: number; usageDays: number; runs: number; phases: boolean },
): Promise<RecomputeFigures> {
  log("recompute", `${accounts} accounts seeded; analyze, then ${runs} sweep(s)`);
  await db.execute("analyze");
  const sweepSeconds: number[] = [];
  let result: unknown;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    result = await recomputeAllHealth(systemContext(db, new Date(), "bench"), {
      cause: "bench sweep",
      clock: () => new Date(),
    });
    sweepSeconds.push(round((performance.now() - started) / 1000, 2));
  }
  log("sweep", result, sweepSeconds);

  const bareStarted = performance.now();
  await db.execute("update account_health set computed_at = now()");
  const bareUpdateSeconds = round((performance.now() - bareStarted) / 1000, 2);

  let phaseFigures: RecomputeFigures["phases"];
  if (phases) {
    const asOf = new Date().toISOString().slice(0, 10);
    const t0 = performance.now();
    const policy = await loadPolicyInForce(db, asOf);
    const facts = await loadHealthFacts(db, { asOf, manualTraits: "current" });
    const t1 = performance.now();
    const scores = scoreFacts(facts, policy);
    const t2 = performance.now();
    for (let i = 0; i < scores.length; i += 5_000) {
      await writeHealthScores(db, scores.slice(i, i + 5_000), { at: new Date(), cause: "bench phases" });
    }
    const t3 = performance.now();
    phaseFigures = {
      readSeconds: round((t1 - t0) / 1000, 2),
      computeSeconds: round((t2 - t1) / 1000, 2),
      writeSeconds: round((t3 - t2) / 1000, 2),
    };
  }
  const [count] = await rows<{ n: number }>(db, "select count(*)::int as n from account_health");
  const figures: RecomputeFigures = {
    accounts: count!.n,
    seedSeconds: round(seedSeconds, 1),
    usageDays,
    sweepSeconds,
    bareUpdateSeconds,
    ratio: round(Math.min(...sweepSeconds) / Math.max(bareUpdateSeconds, 0.001), 1),
    phases: phaseFigures,
  };
  log("recompute", figures);
  return figures;
}
