import { parsePayloadKeys, type PayloadKey } from '../domain/payload-encryption.js';
import {
  emailIndex,
  nameTokens,
  newDataKey,
  searchTokens,
  seal,
  sealedBy,
  unseal,
  unwrapDataKey,
  wrapDataKey,
} from '../domain/personal-encryption.js';
import type { Sql, Tx } from './sql.js';

/**
 * Each participant's data key (see domain/personal-encryption.ts), in `participant_keys`: the one row an erasure
 * deletes to make every sealed copy of the person unreadable. Reads open what they return here, in one query
 * for the keys of everyone in it; writes seal with the person's key.
 */

/**
 * Keys this process has unwrapped, by the wrapped form they came from. Only a key whose row is read again is
 * used, so an erasure (which deletes the row) takes effect at once in every process; what this saves is the
 * unwrapping, which a page of 20,000 pairs would otherwise repeat 40,000 times. The master key that unwraps
 * them is in memory anyway. Bounded: past the bound it starts again.
 */
const unwrapped = new Map<string, { wrapped: Buffer; key: Buffer }>();
const UNWRAPPED_AT_MOST = 200_000;

let masterKeys: PayloadKey[] | undefined;

/** The master keys, the first wrapping new data keys; by default those of `PAYLOAD_KEYS`. */
export function useMasterKeys(keys: PayloadKey[]): void {
  masterKeys = keys;
  unwrapped.clear();
}

function masters(): PayloadKey[] {
  if (!masterKeys) {
    if (!process.env.PAYLOAD_KEYS) throw new Error('PAYLOAD_KEYS is required: it wraps the keys that seal each participant’s data');
    masterKeys = parsePayloadKeys(process.env.PAYLOAD_KEYS);
  }
  return masterKeys;
}

/** A new data key for each new participant, stored wrapped in the same transaction as their row. */
export async function createDataKeys(tx: Sql | Tx, participantIds: string[]): Promise<Map<string, Buffer>> {
  if (participantIds.length === 0) return new Map();
  const master = masters()[0]!;
  const keys = new Map(participantIds.map((id) => [id, newDataKey()]));
  const rows = [...keys].map(([participantId, key]) => ({
    participantId,
    masterKeyId: master.id,
    wrapped: wrapDataKey(master, participantId, key),
  }));
  for (let i = 0; i < rows.length; i += 5000) await tx`insert into participant_keys ${tx(rows.slice(i, i + 5000))}`;
  return keys;
}

/** The data keys of these participants; an erased person has none. */
export async function dataKeysOf(sql: Sql | Tx, participantIds: string[]): Promise<Map<string, Buffer>> {
  if (participantIds.length === 0) return new Map();
  const byId = new Map(masters().map((k) => [k.id, k]));
  const rows = await sql<{ participantId: string; masterKeyId: string; wrapped: Buffer }[]>`
    select participant_id, master_key_id, wrapped from participant_keys where participant_id = any(${participantIds}::uuid[])`;
  if (unwrapped.size + rows.length > UNWRAPPED_AT_MOST) unwrapped.clear();
  return new Map(
    rows.map((row) => {
      const master = byId.get(row.masterKeyId);
      if (!master) throw new Error(`A participant's data key is wrapped by master key "${row.masterKeyId}", which is not in PAYLOAD_KEYS`);
      const known = unwrapped.get(row.participantId);
      if (known?.wrapped.equals(row.wrapped)) return [row.participantId, known.key];
      const key = unwrapDataKey(master, row.participantId, row.wrapped);
      unwrapped.set(row.participantId, { wrapped: row.wrapped, key });
      return [row.participantId, key];
    }),
  );
}

export async function dataKeyOf(sql: Sql | Tx, participantId: string): Promise<Buffer | undefined> {
  return (await dataKeysOf(sql, [participantId])).get(participantId);
}

/**
 * `value` with every sealed string in it opened (rows, lists, JSON): one query fetches the keys. What an erased
 * person's key sealed reads as an empty string.
 */
export async function opened<T>(sql: Sql | Tx, value: T): Promise<T> {
  const owners = new Set<string>();
  visit(value, (text) => {
    const owner = sealedBy(text);
    if (owner) owners.add(owner);
    return text;
  });
  if (owners.size === 0) return value;
  const keys = await dataKeysOf(sql, [...owners]);
  return visit(value, (text) => {
    const owner = sealedBy(text);
    if (!owner) return text;
    const key = keys.get(owner);
    return (key && unseal(text, key)) ?? '';
  });
}

/** A copy of `value` with `change` applied to each string in it; dates, buffers and other objects are kept. */
function visit<T>(value: T, change: (text: string) => string): T {
  if (typeof value === 'string') return change(value) as T;
  if (Array.isArray(value)) {
    const copy = value.map((item: unknown) => visit(item, change));
    // postgres.js returns a result as an array with `count`, `columns`...: they stay.
    return Object.assign(copy, Object.fromEntries(Object.entries(value).filter(([k]) => !/^\d+$/.test(k)))) as T;
  }
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v, change)])) as T;
  }
  return value;
}

/** `values` with the fields named sealed under the participant's key (strings, and the strings of lists). */
export function sealFields<T extends object>(participantId: string, key: Buffer, values: T, fields: readonly string[]): T {
  const sealOne = (v: unknown): unknown =>
    typeof v === 'string' && v !== '' ? seal(participantId, key, v) : Array.isArray(v) ? v.map(sealOne) : v;
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, fields.includes(k) ? sealOne(v) : v])) as T;
}

/**
 * `values` with `fields` sealed under the participant's key, for a write. Someone erased meanwhile has no key:
 * those fields are then stored empty.
 */
export async function sealedFor<T extends object>(sql: Sql | Tx, participantId: string, values: T, fields: readonly string[]): Promise<T> {
  const key = await dataKeyOf(sql, participantId);
  if (key) return sealFields(participantId, key, values, fields);
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, fields.includes(k) ? (Array.isArray(v) ? [] : '') : v])) as T;
}

/** The blind index a new address is stored with. */
export const emailIndexOf = (email: string): string => emailIndex(masters()[0]!, email);

/** The blind indexes an address may be stored with: one per master key, until a rotation rewrites them. */
export const emailIndexesOf = (email: string): string[] => masters().map((master) => emailIndex(master, email));

/** The blind tokens a new name is stored with (domain/personal-encryption.ts). */
export const nameTokensOf = (name: string): string[] => nameTokens(masters()[0]!, name);

/** The tokens a name matching the search holds, under each master key: a rotation rewrites them. */
export const searchTokensOf = (query: string): string[][] => masters().map((master) => searchTokens(master, query));

/**
 * Rotation: data keys wrapped by an older master key are wrapped again by the current one, and the blind
 * indexes of those participants' addresses and names recomputed, so the old master key can then leave `PAYLOAD_KEYS`.
 * Runs at the worker's start; a batch at a time, each in its own transaction.
 */
export async function rewrapDataKeys(sql: Sql, batch = 1000): Promise<number> {
  const current = masters()[0]!;
  let moved = 0;
  for (;;) {
    const done = await sql.begin(async (tx) => {
      const rows = await tx<{ participantId: string; email: string; name: string }[]>`
        select k.participant_id, p.email, p.name from participant_keys k join participants p on p.id = k.participant_id
        where k.master_key_id <> ${current.id} limit ${batch} for update of k skip locked`;
      if (rows.length === 0) return true;
      const keys = await dataKeysOf(
        tx,
        rows.map((r) => r.participantId),
      );
      for (const { participantId, email, name } of rows) {
        const key = keys.get(participantId)!;
        await tx`update participant_keys set master_key_id = ${current.id}, wrapped = ${wrapDataKey(current, participantId, key)}
          where participant_id = ${participantId}`;
        const address = unseal(email, key);
        if (address !== undefined)
          await tx`update participants set email_index = ${emailIndex(current, address)} where id = ${participantId}`;
        const opened = unseal(name, key);
        if (opened !== undefined)
          await tx`update participants set name_tokens = ${nameTokens(current, opened)} where id = ${participantId}`;
      }
      moved += rows.length;
      return false;
    });
    if (done) return moved;
  }
}
