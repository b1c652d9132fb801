/**
 * The raw baseline: a plain `node:http` server with `pg` that answers each workload with its one
 * hand-written SQL statement (bench/read-path/workloads.ts), under the same row security as the
 * API (a transaction as `app_viewer` with the caller's operator and role). Started by run.ts.
 *
 *   DATABASE_URL=… PORT=… OPERATOR_ID=… node -r ts-node/register/transpile-only bench/read-path/raw-sql-server.ts
 */
import http from 'node:http';
import pg from 'pg';
import { POINT_PARAM, WORKLOADS } from './workloads';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const operatorId = process.env.OPERATOR_ID!;

const server = http.createServer((req, res) => {
  const index = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('w'));
  const workload = WORKLOADS[index];
  if (!workload) {
    res.writeHead(404).end();
    return;
  }
  void answer(workload.sql, workload.role).then(
    (body) => res.writeHead(200, { 'content-type': 'application/json' }).end(body),
    (error: Error) => res.writeHead(500).end(error.message),
  );
});

async function answer(sql: string, role: string): Promise<string> {
  const client = await pool.connect();
  try {
    // One round trip for the transaction and its settings (simple protocol, several statements).
    await client.query(
      `begin; select set_config('role', 'app_viewer', true), set_config('app.operator_id', '${operatorId}', true), set_config('app.role', '${role}', true)`,
    );
    const { rows } = await client.query(sql, sql.includes('$1') ? [POINT_PARAM] : []);
    await client.query('commit');
    return JSON.stringify({ data: rows[0].answer });
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`raw SQL server ready on ${process.env.PORT}`));
