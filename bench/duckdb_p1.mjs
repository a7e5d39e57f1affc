// P1 in DuckDB: load ecx's exported dataset into an in-memory table, run the
// dashboard query (bench/p1_sql.mjs) several times, print the median time as
// JSON and write the aggregates for bench/compare_p1.mjs.
//   node duckdb_p1.mjs DATA.csv AGGREGATES_OUT.csv RUNS
import { DuckDBInstance } from '@duckdb/node-api';
import { writeFileSync } from 'node:fs';
import { csvHeader, p1Sql } from './p1_sql.mjs';

const [csvPath, outPath, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 5);
const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
let t0 = performance.now();
await conn.run(`CREATE TABLE t AS SELECT * FROM read_csv('${csvPath.replaceAll("'", "''")}', header = true)`);
const loadMs = performance.now() - t0;
const { sql, columns } = p1Sql(csvHeader(csvPath), 'duckdb');
const times = [];
let rows;
for (let i = 0; i < runs; i++) {
  t0 = performance.now();
  rows = (await conn.runAndReadAll(sql)).getRowObjects();
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const out = [columns.join(',')];
for (const r of rows) out.push(columns.map((c) => (r[c] === null || r[c] === undefined ? '' : String(r[c]))).join(','));
writeFileSync(outPath, out.join('\n') + '\n');
console.log(JSON.stringify({ load_ms: loadMs, median_ms: times[Math.floor(runs / 2)], min_ms: times[0], groups: rows.length }));
