import { parseArgs } from "node:util";
import { createDb } from "@keel/db";
import { seedDemoData } from "./index.ts";

/**
 * `pnpm db:seed -- --accounts 10000 [--seed 42] [--today 2026-11-01]` into DATABASE_URL or the PGlite folder.
 * Health inputs are sized by the number of accounts (see `healthSeedPlan`); override with
 * `--usage-days N`, `--backfill-months N`, or skip them with `--no-health`;
 * the renewal history (two years of processed renewals) with `--no-renewals`.
 */
const { values } = parseArgs({
  options: {
    accounts: { type: "string", default: "240" },
    seed: { type: "string", default: "42" },
    today: { type: "string" },
    "data-dir": { type: "string" },
    "no-health": { type: "boolean", default: false },
    "no-renewals": { type: "boolean", default: false },
    "usage-days": { type: "string" },
    "backfill-months": { type: "string" },
  },
});
const accounts = Number(values.accounts);
if (!Number.isInteger(accounts) || accounts < 1) {
  console.error(`--accounts must be a positive whole number, got "${values.accounts}"`);
  process.exit(2);
}
const handle = await createDb({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: values["data-dir"] ?? process.env.KEEL_DATA_DIR,
});
const started = performance.now();
const optionalNumber = (value: string | undefined) => (value === undefined ? undefined : Number(value));
const result = await seedDemoData(handle.db, {
  accounts,
  seed: Number(values.seed),
  today: values.today,
  health: values["no-health"]
    ? false
    : {
        usageDays: optionalNumber(values["usage-days"]),
        backfillMonths: optionalNumber(values["backfill-months"]),
      },
  ...(values["no-renewals"] ? { renewals: false as const } : {}),
});
console.log(`seeded ${JSON.stringify(result)} in ${Math.round(performance.now() - started)} ms`);
await handle.close();
