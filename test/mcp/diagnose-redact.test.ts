import { describe, expect, it } from 'vitest';
import { diagnoseTool } from '../../src/mcp/tools/diagnose.js';

/** The MCP diagnose result never carries the password, whatever characters it has (issue 13/15). */
describe('MCP diagnose: passwords with unencoded / ? # @ :', () => {
  it.each(['QQZZ/XXYY', 'QQZZ@XXYY:WWVV/KKJJ', 'QQZZ#XXYY?WWVV', 'QQZZ?XXYY/WWVV@KKJJ'])('%s never appears in the result or the error', async (password) => {
    const url = `postgres://archie_nobody:${password}@127.0.0.1:1/postgres`;
    let text: string;
    try {
      // diagnose takes no path arguments, so the tool context is never consulted.
      const r = await diagnoseTool.run({ url } as never, {} as never);
      text = JSON.stringify(r);
    } catch (e) {
      const err = e as Error & { hint?: string };
      text = `${err.message} ${err.hint ?? ''}`;
    }
    expect(text.length).toBeGreaterThan(0);
    for (const piece of [password, ...password.split(/[/?#@:]/)]) expect(text).not.toContain(piece);
  });
});
