/** Phase timings of one whole-book recompute on an existing database: tsx profile.ts <url> */
import { createDb, loadHealthFacts, loadPolicyInForce } from "@keel/db";
import { scoreFacts, writeHealthScores } from "@keel/services";

const handle = await createDb({ databaseUrl: process.argv[2], migrate: false });
const db = handle.db;
const asOf = new Date().toISOString().slice(0, 10);
const t0 = performance.now();
const policy = await loadPolicyInForce(db, asOf);
const facts = await loadHealthFacts(db, { asOf, manualTraits: "current" });
const t1 = performance.now();
const scores = scoreFacts(facts, policy);
const t2 = performance.now();
let json = 0;
for (let i = 0; i < scores.length; i += 5000) json += JSON.stringify(scores.slice(i, i + 5000)).length;
const t3 = performance.now();
if (process.argv[3] !== "read") {
  for (let i = 0; i < scores.length; i += 5_000) {
    await writeHealthScores(db, scores.slice(i, i + 5_000), { at: new Date(), cause: "profile" });
  }
}
const t4 = performance.now();
console.log({
  accounts: facts.length,
  read: t1 - t0,
  compute: t2 - t1,
  stringify: t3 - t2,
  jsonMB: json / 1e6,
  write: t4 - t3,
});
await handle.close();
