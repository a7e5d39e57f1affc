// The P1 dashboard query (NPS, CSAT top-2-box, CES and dimension means with
// n, by segment x touchpoint x month, benchmark rows excluded) over table t
// holding ecx's export, in the dialect of DuckDB or SQLite. Run as a script
// it prints the SQLite version for the sqlite3 shell, or the table to import into:
//   node p1_sql.mjs DATA.csv query|create
import { closeSync, openSync, readSync } from 'node:fs';

export function csvHeader(path) {
  const fd = openSync(path, 'r'), buf = Buffer.alloc(65536);
  const n = readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  return buf.toString('utf8', 0, n).split('\n')[0].split(',')
    .map((h) => h.replace(/^"|"$/g, '').replaceAll('""', '"'));
}

export function p1Sql(header, dialect) {
  const q = (s) => '"' + s.replaceAll('"', '""') + '"';
  const lit = (s) => "'" + s.replaceAll("'", "''") + "'";
  // SQLite's .import stores empty fields as '' rather than NULL.
  const v = (c) => (dialect === 'sqlite' ? `NULLIF(${q(c)}, '')` : q(c));
  const segments = header.filter((h) => h.startsWith('segment:'));
  const metrics = header.slice(header.indexOf('nps'));
  const aggs = [], cols = [];
  for (const m of metrics) {
    aggs.push(`count(${v(m)}) AS ${q('n_' + m)}`); cols.push('n_' + m);
    if (m === 'nps') {
      aggs.push(`count(*) FILTER (WHERE ${v(m)} >= 9) AS pro, count(*) FILTER (WHERE ${v(m)} <= 6) AS det`);
      cols.push('pro', 'det');
    } else if (m === 'csat') {
      aggs.push(`count(*) FILTER (WHERE ${v(m)} >= 4) AS top2`); cols.push('top2');
    } else {
      aggs.push(`sum(${v(m)}) AS ${q('s_' + m)}`); cols.push('s_' + m);
    }
  }
  const noComp = dialect === 'sqlite' ? `competitor = ''` : 'competitor IS NULL';
  const union = segments.map((s) =>
    `SELECT ${lit(s.slice(8))} AS segment, * FROM t WHERE ${q(s)} = 1 AND ${noComp}`).join(' UNION ALL ');
  const month = dialect === 'sqlite' ? `strftime('%Y-%m', date)` : `strftime(date, '%Y-%m')`;
  const sql = `SELECT segment, touchpoint, ${month} AS month, count(*) AS n, ${aggs.join(', ')}
  FROM (${union}) GROUP BY segment, touchpoint, month`;
  return { sql, columns: ['segment', 'touchpoint', 'month', 'n', ...cols] };
}

// A table for SQLite's .import with the types of the export's columns.
export function sqliteCreate(header) {
  const q = (s) => '"' + s.replaceAll('"', '""') + '"';
  const iMetric = header.indexOf('nps');
  return `CREATE TABLE t(${header.map((h, i) =>
    `${q(h)} ${h.startsWith('segment:') || i >= iMetric ? 'INTEGER' : 'TEXT'}`).join(', ')});`;
}

if (process.argv[1] && process.argv[1].endsWith('p1_sql.mjs')) {
  const [path, what] = process.argv.slice(2);
  const header = csvHeader(path);
  console.log(what === 'create' ? sqliteCreate(header) : p1Sql(header, 'sqlite').sql + ';');
}
