import { PGlite } from "@electric-sql/pglite";

const a = new PGlite();
await a.exec("create table t(x int); insert into t values (1)");
const dump = await a.dumpDataDir("none");
console.log(dump.type, dump.size, dump.constructor.name);
const b = new PGlite({ loadDataDir: dump });
console.log(await b.query("select * from t"));
const bytes = Buffer.from(await dump.arrayBuffer());
const c = new PGlite({ loadDataDir: new Blob([bytes]) });
console.log(await c.query("select * from t").catch((e) => e.message));
const d = new PGlite(undefined, { loadDataDir: new Blob([bytes]) });
console.log(await d.query("select * from t").catch((e) => e.message));
