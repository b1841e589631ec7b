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
  sourcemap: false,
  shims: false,
  banner: ({ format }) => (format === 'esm' ? {} : {}),
});
