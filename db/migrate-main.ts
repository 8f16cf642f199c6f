import { loadDatabaseUrl } from '../domain/config.js';
import { migrate } from './migrate.js';
import { createSql } from './sql.js';

const sql = createSql(loadDatabaseUrl(process.env), { max: 1 });
const applied = await migrate(sql);
console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Database is up to date');
await sql.end();
