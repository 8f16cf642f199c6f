import { expect, it } from 'vitest';
import { checkInSchema, withoutMootFollowUps } from '../../domain/check-in.js';

it('takes no "how many times" from someone who says they did not meet, whatever the hidden field held', () => {
  const form = { met: 'no', meetings: '7', rating: '3', continue: 'yes' };
  expect(checkInSchema.parse(withoutMootFollowUps(form))).toMatchObject({ met: 'no', meetings: 0 });
  expect(checkInSchema.parse(withoutMootFollowUps({ ...form, met: 'yes' }))).toMatchObject({ met: 'yes', meetings: 7 });
  // A moot field with nonsense in it is no error either.
  expect(checkInSchema.safeParse(withoutMootFollowUps({ ...form, meetings: 'lots' })).success).toBe(true);
});
