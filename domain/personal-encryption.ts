import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { searchWords } from './paging.js';
import type { PayloadKey } from './payload-encryption.js';

/**
 * Crypto-shredding: each participant's identifying fields and free text are sealed (AES-256-GCM) under a data
 * key of their own, and that key is stored wrapped by the master key (the first of `PAYLOAD_KEYS`). Erasing a
 * person destroys their key: every copy of what it sealed (a backup, a dump, a replica) is unreadable from then on.
 *
 * A sealed value is a string, `sealed:1:<participant id>:<base64 of iv, ciphertext, tag>`, so it fits the text
 * and JSON columns it replaces and says whose key opens it. The participant's id is its additional data: a
 * sealed value moved to another person's row does not open.
 */
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SEALED = /^sealed:1:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([A-Za-z0-9+/]+={0,2})$/;

export const newDataKey = (): Buffer => randomBytes(32);

function encrypt(key: Buffer, additionalData: string, plain: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(additionalData));
  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

function decrypt(key: Buffer, additionalData: string, sealed: Buffer): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('A sealed value is too short');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(additionalData));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
}

/** A data key as stored: wrapped by a master key, bound to its participant and to that master key's id. */
export const wrapDataKey = (master: PayloadKey, participantId: string, dataKey: Buffer): Buffer =>
  encrypt(master.key, `${master.id}/${participantId}`, dataKey);

export const unwrapDataKey = (master: PayloadKey, participantId: string, wrapped: Buffer): Buffer =>
  decrypt(master.key, `${master.id}/${participantId}`, wrapped);

export const seal = (participantId: string, dataKey: Buffer, text: string): string =>
  `sealed:1:${participantId}:${encrypt(dataKey, participantId, Buffer.from(text)).toString('base64')}`;

/** Whether `value` is a sealed value (a cheap test: `sealedBy` also reads whose it is). */
export const isSealed = (value: string): boolean => value.startsWith('sealed:1:');

/** Whose key opens `value`, if it is a sealed value. */
export const sealedBy = (value: string): string | undefined => (isSealed(value) ? SEALED.exec(value)?.[1] : undefined);

/** A sealed value's owner and data, read at their fixed places: decryption checks both (the owner is its additional data). */
const OWNER_AT = 'sealed:1:'.length;
const DATA_AT = OWNER_AT + 36 + 1;

/** The text `value` seals; undefined when the key does not open it (then it was not sealed with that key). */
export function unseal(value: string, dataKey: Buffer): string | undefined {
  if (!isSealed(value) || value[DATA_AT - 1] !== ':') return undefined;
  const participantId = value.slice(OWNER_AT, DATA_AT - 1);
  const data = value.slice(DATA_AT);
  try {
    return decrypt(dataKey, participantId, Buffer.from(data, 'base64')).toString();
  } catch {
    return undefined;
  }
}

/**
 * A blind index of an address: the same for the same address under one master key, and telling nothing of it
 * without the key. It lets PostgreSQL find a participant by address and keep addresses unique in a cohort.
 */
export function emailIndex(master: PayloadKey, email: string): string {
  return `${master.id}:${createHmac('sha256', indexKey(master, 'tandem email index')).update(email.trim().toLowerCase()).digest('base64url')}`;
}

/** The key a master key derives for one kind of blind index, derived once. */
const derived = new Map<string, Buffer>();
function indexKey(master: PayloadKey, purpose: string): Buffer {
  const id = `${master.id}/${purpose}`;
  let key = derived.get(id);
  if (!key) derived.set(id, (key = Buffer.from(hkdfSync('sha256', master.key, Buffer.alloc(0), purpose, 32))));
  return key;
}

const blind = (master: PayloadKey, text: string) =>
  createHmac('sha256', indexKey(master, 'tandem name search')).update(text).digest('base64url').slice(0, 16);

/** Longest start of a word that a search token covers; a longer search word is cut to it. */
const PREFIX_AT_MOST = 20;

/**
 * Blind tokens of a name, so PostgreSQL finds a person by the start of the words of their name without ever
 * holding it: a keyed hash (truncated) of each start, two characters and more, of each word. Like the address's
 * blind index, they tell nothing of the name without the master key; an erasure clears them.
 */
export function nameTokens(master: PayloadKey, name: string): string[] {
  const starts = new Set(
    searchWords(name).flatMap((word) => Array.from({ length: Math.min(word.length, PREFIX_AT_MOST) - 1 }, (_, i) => word.slice(0, i + 2))),
  );
  return [...starts].map((start) => blind(master, start));
}

/** The tokens a name must hold to match a search: one per word of two characters or more. */
export const searchTokens = (master: PayloadKey, query: string): string[] =>
  searchWords(query)
    .filter((word) => word.length >= 2)
    .map((word) => blind(master, word.slice(0, PREFIX_AT_MOST)));

/** The fields of a form that hold free text (a zod string, not a choice): those sealed under the person's key. */
export function freeTextFields(schema: z.ZodType): string[] {
  const def = schema._zod.def as { type: string; options?: z.ZodType[]; innerType?: z.ZodType; in?: z.ZodType; shape?: object };
  if (def.type === 'union') return [...new Set(def.options!.flatMap(freeTextFields))];
  const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
  return Object.entries(shape)
    .filter(([, field]) => innermost(field)._zod.def.type === 'string')
    .map(([name]) => name);
}

function innermost(schema: z.ZodType): z.ZodType {
  const def = schema._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
  if (def.innerType) return innermost(def.innerType);
  if (def.type === 'pipe' && def.in) return innermost(def.in);
  return schema;
}
