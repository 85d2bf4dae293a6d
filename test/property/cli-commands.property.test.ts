import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main.ts';
import { check } from './fc-settings.ts';

/**
 * The CLI's command lookup: an unknown command — also one named like an Object.prototype member, which once
 * crashed `voorraad toString` with a TypeError — is a usage error (exit 2), never a throw.
 */
const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
afterAll(() => stderr.mockRestore());

describe('voorraad <unknown command>', () => {
  it('exits 2 with a message for prototype names and random names', async () => {
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'])
      expect(await main([name]), name).toBe(2);
    await check(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 12 }).map((s) => `x-${s}`),
        fc.array(fc.string(), { maxLength: 3 }),
        async (name, rest) => {
          expect(await main([name, ...rest])).toBe(2);
        },
      ),
      50,
    );
    expect(stderr).toHaveBeenCalledWith(expect.stringContaining('unknown command "toString"'));
  });
});
