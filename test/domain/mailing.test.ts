import { describe, expect, it } from 'vitest';
import { mailingProgress, rangesOf } from '../../domain/mailing.js';

describe('a mailing cut in batches', () => {
  it('cuts ids in order into ranges of at most the batch size, each id in exactly one', () => {
    const ids = Array.from({ length: 250 }, (_, i) => `id-${String(i).padStart(3, '0')}`);
    const ranges = rangesOf(ids, 100);
    expect(ranges).toEqual([
      { first: 'id-000', last: 'id-099' },
      { first: 'id-100', last: 'id-199' },
      { first: 'id-200', last: 'id-249' },
    ]);
    expect(rangesOf(['a'], 100)).toEqual([{ first: 'a', last: 'a' }]);
    expect(rangesOf([], 100)).toEqual([]);
  });
});

describe('how far a mailing is', () => {
  const at = (s: number) => new Date(Date.UTC(2026, 11, 7, 20, 0, s));

  it('says n of N, and when all should be out at the pace seen since the first batch was recorded', () => {
    // 100 at 0 s, then 200 more in 20 s: 10 a second, 600 a minute; 700 left take 70 s from now.
    expect(mailingProgress(1000, { sent: 300, firstAt: at(0), lastAt: at(20), sentFirst: 100 }, at(21))).toEqual({
      sent: 300,
      total: 1000,
      perMinute: 600,
      doneBy: new Date(at(21).getTime() + 70_000),
    });
  });

  it('gives no estimate before it was watched for a few seconds, and nothing once all are out', () => {
    expect(mailingProgress(300, { sent: 0, firstAt: null, lastAt: null, sentFirst: 0 }, at(0))).toEqual({ sent: 0, total: 300 });
    // Two batches a few ms apart (a burst) would say 20,000 a second.
    expect(mailingProgress(300, { sent: 200, firstAt: at(1), lastAt: new Date(at(1).getTime() + 5), sentFirst: 100 }, at(2))).toEqual({
      sent: 200,
      total: 300,
    });
    expect(mailingProgress(300, { sent: 300, firstAt: at(0), lastAt: at(9), sentFirst: 100 }, at(10))).toBeUndefined();
  });
});
