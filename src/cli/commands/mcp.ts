import type { Command } from 'commander';
import { action } from '../_run.js';

export function register(program: Command): void {
  program
    .command('mcp')
    .description('serve archie to MCP clients (Claude Code, Cursor, …) over stdio: tools design, capacity, verify, review, scale, migrate, diagnose; knowledge resources; the architect-protocol prompt')
    .addHelpText('after', '\nRegister it with a client, e.g.:\n  claude mcp add archie -- npx archie mcp\nSee docs/mcp.md.')
    .action(
      action(async () => {
        const { serveStdio } = await import('../../mcp/server.js');
        await serveStdio();
        return 0;
      }),
    );
}
