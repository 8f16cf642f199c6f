import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../domain/config.js';
import { ENCRYPTED_ENCODING, EncryptionCodec, KEY_ID_METADATA, parsePayloadKeys } from '../../domain/payload-encryption.js';

const key = (fill: number) => Buffer.alloc(32, fill).toString('base64');
const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString();
const value = { reason: 'Mentee moved to Lyon', name: 'Zoë Ndiaye' };
const answer = defaultPayloadConverter.toPayload(value);
const opened = async (codec: EncryptionCodec, payload: Payload) =>
  (await codec.decode([payload])).map((p) => defaultPayloadConverter.fromPayload(p));

describe('payload encryption', () => {
  it('seals a payload so that nothing of it reads in clear, and opens it again', async () => {
    const codec = new EncryptionCodec(parsePayloadKeys(`2026-11:${key(1)}`));
    const [sealed] = await codec.encode([answer]);
    expect(text(sealed!.metadata!.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(text(sealed!.metadata![KEY_ID_METADATA])).toBe('2026-11');
    expect(Object.keys(sealed!.metadata!)).toEqual(['encoding', KEY_ID_METADATA]); // the original encoding is sealed too
    expect(text(sealed!.data)).not.toContain('Lyon');
    expect(await opened(codec, sealed!)).toEqual([value]);
    // A fresh nonce each time: the same value never seals to the same bytes.
    const [again] = await codec.encode([answer]);
    expect(Buffer.from(again!.data!).equals(Buffer.from(sealed!.data!))).toBe(false);
  });

  it('rotates: the first key seals, an older key listed after it still opens what it sealed', async () => {
    const old = new EncryptionCodec(parsePayloadKeys(`2025-01:${key(1)}`));
    const [sealedBefore] = await old.encode([answer]);
    const rotated = new EncryptionCodec(parsePayloadKeys(`2026-11:${key(2)},2025-01:${key(1)}`));
    expect(await opened(rotated, sealedBefore!)).toEqual([value]);
    const [sealedAfter] = await rotated.encode([answer]);
    expect(text(sealedAfter!.metadata![KEY_ID_METADATA])).toBe('2026-11');
    // Once the old key is dropped, what it sealed cannot be read, and the error names the key.
    const dropped = new EncryptionCodec(parsePayloadKeys(`2026-11:${key(2)}`));
    await expect(dropped.decode([sealedBefore!])).rejects.toThrow('encrypted with key "2025-01", which is not in PAYLOAD_KEYS');
  });

  it('refuses a payload altered in storage, or relabelled with another key id', async () => {
    const codec = new EncryptionCodec(parsePayloadKeys(`a:${key(1)},b:${key(1)}`));
    const [sealed] = await codec.encode([answer]);
    const flipped = Buffer.from(sealed!.data!);
    flipped[20]! ^= 1;
    await expect(codec.decode([{ ...sealed!, data: flipped }])).rejects.toThrow();
    // Same key bytes under another id: the id is authenticated, so the swap is refused.
    await expect(codec.decode([{ ...sealed!, metadata: { ...sealed!.metadata, [KEY_ID_METADATA]: Buffer.from('b') } }])).rejects.toThrow();
  });

  it('passes through payloads written before encryption, so old histories still read', async () => {
    const codec = new EncryptionCodec(parsePayloadKeys(`a:${key(1)}`));
    expect(await codec.decode([answer])).toEqual([answer]);
  });

  it('says what is wrong with PAYLOAD_KEYS when the process starts', () => {
    const problems = (value: string) => {
      try {
        loadConfig({
          DATABASE_URL: 'postgres://x/y',
          PUBLIC_BASE_URL: 'http://localhost:3000',
          ADMIN_USER: 'a',
          ADMIN_PASSWORD: 'a long enough password',
          SESSION_SECRET: 's'.repeat(32),
          LINK_SECRET: 'l'.repeat(32),
          PAYLOAD_KEYS: value,
        });
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems(`a:${key(1)}`)).toEqual([]);
    expect(problems('a:c2hvcnQ=')).toEqual(['PAYLOAD_KEYS key "a" must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)']);
    expect(problems(key(1))).toEqual(['PAYLOAD_KEYS key 1 must be written id:base64']);
    expect(problems(`a:${key(1)}, a:${key(2)}`)).toEqual(['PAYLOAD_KEYS key id "a" is listed twice']);
    expect(problems(`a b:${key(1)}`)[0]).toMatch(/key id "a b" may hold letters, digits/);
    expect(problems(' , ')[0]).toMatch(/must list at least one key/);
  });
});
