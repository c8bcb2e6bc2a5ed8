import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The console's web UI, bundled whole (no CDN) into dist/apps/console-web, which apps/console serves.
 * Vite's own transformer compiles TSX with React's automatic runtime; no plugin is needed for a build.
 */
export default defineConfig({
  root,
  base: '/',
  resolve: {
    alias: {
      '@app/contracts': fileURLToPath(new URL('../../libs/contracts/src', import.meta.url)),
      '@app/calendar': fileURLToPath(new URL('../../libs/calendar/src', import.meta.url)),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/console-web', import.meta.url)),
    emptyOutDir: true,
    // Maps for error reports, not referenced by the bundle.
    sourcemap: 'hidden',
    chunkSizeWarningLimit: 1200,
    reportCompressedSize: false,
    rolldownOptions: {
      // React Router marks its modules "use client" for server components; a browser bundle has no use for it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3005', '/.well-known': 'http://127.0.0.1:3005' },
  },
});
