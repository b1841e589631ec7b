import { defineConfig } from 'tsup';

// One bundle per entry keeps CLI start-up fast: Node resolves a handful of files instead of
// hundreds of modules. Heavy, rarely used dependencies stay external and are loaded lazily.
export default defineConfig({
  entry: { cli: 'src/cli/main.ts', index: 'src/index.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  outDir: 'dist',
  clean: true,
  dts: { entry: { index: 'src/index.ts' } },
  splitting: true,
  // Small pure-JS dependencies are bundled: loading one chunk is much faster than resolving the
  // hundreds of files zod and yaml ship as separate ES modules. Heavy or native/WASM dependencies
  // (PGlite, libpg-query, playwright-core, pg, the MCP SDK) stay external and load lazily.
  noExternal: ['zod', 'yaml', 'commander', 'picocolors'],
  sourcemap: false,
  shims: false,
  // Bundled CommonJS dependencies (commander) call require() for Node built-ins.
  banner: { js: "import { createRequire as __archieCreateRequire } from 'node:module'; const require = __archieCreateRequire(import.meta.url);" },
});
