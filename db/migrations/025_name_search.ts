import { nameTokensOf, opened } from '../data-keys.js';
import type { Tx } from '../sql.js';

/** The blind tokens of every name stored before they were (erased people have no name left to find). */
export async function indexEveryName(tx: Tx): Promise<void> {
  const people = await opened(tx, await tx<{ id: string; name: string }[]>`select id, name from participants where erased_at is null`);
  const rows = people.map((p) => ({ id: p.id, tokens: `{${nameTokensOf(p.name).join(',')}}` }));
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000);
    await tx`
      update participants p set name_tokens = b.tokens::text[]
      from (select unnest(${batch.map((r) => r.id)}::uuid[]) as id, unnest(${batch.map((r) => r.tokens)}::text[]) as tokens) b
      where p.id = b.id`;
  }
}
