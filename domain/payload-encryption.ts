import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, ValueError, type DataConverter, type Payload, type PayloadCodec } from '@temporalio/common';
// A CommonJS package: Node's ESM loader sees only its default export.
import proto from '@temporalio/proto';

/**
 * Every payload Tandem gives Temporal (workflow inputs, signals, updates, query answers, activity arguments
 * and results) is encrypted with AES-256-GCM before it leaves the process, so the Temporal server, its
 * database and its backups hold no personal data in clear. The key's id travels in the payload's metadata:
 * new payloads use the first key of the list, and any listed key still opens what it sealed, so keys rotate
 * by putting a new one first and keeping the old ones until the histories they sealed are gone.
 */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';

const { Payload: PayloadMessage } = proto.temporal.api.common.v1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const utf8 = new TextEncoder();
const text = new TextDecoder();

export interface PayloadKey {
  id: string;
  key: Buffer;
}

/** The keys of `PAYLOAD_KEYS`: `id:base64-of-32-bytes`, comma separated, the key that encrypts first. */
export function parsePayloadKeys(value: string): PayloadKey[] {
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new Error('must list at least one key as id:base64 (32 bytes, e.g. `openssl rand -base64 32`)');
  const keys = entries.map((entry, i) => {
    const [id, encoded] = entry.split(/:(.*)/s, 2);
    if (!id || encoded === undefined) throw new Error(`key ${i + 1} must be written id:base64`);
    if (!/^[A-Za-z0-9._-]{1,40}$/.test(id)) throw new Error(`key id "${id}" may hold letters, digits, ".", "_" and "-" only (40 at most)`);
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== 32 || key.toString('base64').replace(/=+$/, '') !== encoded.replace(/=+$/, '')) {
      throw new Error(`key "${id}" must be 32 bytes in base64 (e.g. \`openssl rand -base64 32\`)`);
    }
    return { id, key };
  });
  const twice = keys.find((k, i) => keys.findIndex((o) => o.id === k.id) !== i);
  if (twice) throw new Error(`key id "${twice.id}" is listed twice`);
  return keys;
}

export class EncryptionCodec implements PayloadCodec {
  private readonly current: PayloadKey;
  private readonly byId: Map<string, Buffer>;

  constructor(keys: PayloadKey[]) {
    if (!keys[0]) throw new Error('EncryptionCodec needs at least one key');
    this.current = keys[0];
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
      cipher.setAAD(utf8.encode(this.current.id)); // the key id cannot be swapped for another
      const sealed = Buffer.concat([cipher.update(PayloadMessage.encode(payload).finish()), cipher.final()]);
      return {
        metadata: { [METADATA_ENCODING_KEY]: utf8.encode(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: utf8.encode(this.current.id) },
        data: Buffer.concat([iv, sealed, cipher.getAuthTag()]),
      };
    });
  }

  /** Payloads written before encryption (or by a client without it) pass through unchanged. */
  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (text.decode(payload.metadata?.[METADATA_ENCODING_KEY] ?? new Uint8Array()) !== ENCRYPTED_ENCODING) return payload;
      const id = text.decode(payload.metadata?.[KEY_ID_METADATA] ?? new Uint8Array());
      const key = this.byId.get(id);
      if (!key) throw new ValueError(`This payload was encrypted with key "${id}", which is not in PAYLOAD_KEYS`);
      const data = payload.data ?? new Uint8Array();
      if (data.length < IV_BYTES + TAG_BYTES) throw new ValueError('Encrypted payload is too short');
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
      decipher.setAAD(utf8.encode(id));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      const clear = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
      return PayloadMessage.decode(clear) as Payload;
    });
  }
}

/** What every Temporal client and worker of Tandem is given: its payloads encrypted with these keys. */
export const encryptedDataConverter = (keys: PayloadKey[]): DataConverter => ({ payloadCodecs: [new EncryptionCodec(keys)] });
