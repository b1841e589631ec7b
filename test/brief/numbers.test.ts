import { describe, expect, it } from 'vitest';
import { briefFromText, resolve } from '../../src/brief/index.js';
import { isArchieError } from '../../src/errors.js';

const read = (text: string) => resolve(briefFromText(text));

/** Numbers that cannot be amounts are errors naming the words: never a silent default (issue 13). */
describe('impossible numbers in a brief', () => {
  it.each([
    ['chat for 1e308 users', 'INVALID', /"1e308 users" is far beyond any real system/],
    ['chat for NaN users', 'INVALID', /"NaN users" is not a number/],
    ['chat for Infinity users', 'INVALID', /"Infinity users" is not a number/],
    ['chat for 0xFFFFFFFF users', 'INVALID', /hexadecimal/],
    ['chat for -5 users', 'INVALID', /"-5 users" is a negative amount/],
    ['a shop for 2M users, budget of $-5000/month', 'INVALID', /negative amount/],
    ['chat for 1M monthly users and 2M concurrent users', 'CONTRADICTION', /concurrent users \("2M concurrent users"\) exceed monthly users/],
    ['chat app, 100 rps total, 500 writes/s', 'CONTRADICTION', /add up to 500\/s, more than the total "100 rps"/],
    ['p50 under 300 ms and p99 under 100 ms, chat for 1M users', 'CONTRADICTION', /latency targets are out of order/],
    ['chat for 2M daily users and 1M monthly users', 'CONTRADICTION', /monthly users .* are fewer than daily users/],
  ])('%s', (text, code, message) => {
    let error: unknown;
    try {
      read(text);
    } catch (e) {
      error = e;
    }
    expect(isArchieError(error), String(error)).toBe(true);
    expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it.each([
    ['chat for 1e6 daily users', 1e6],
    ['temperatures of -5 degrees on 2M daily users', 2e6],
    ['a range of 10-20 ms for 3M daily users', 3e6],
  ])('accepts %s', (text, dau) => {
    expect(read(text).requirements.scale.dau.value).toBe(dau);
  });
});
