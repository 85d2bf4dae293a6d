import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
// The product server (npm start) in development; the built app is served by it from web/dist.
const apiServer = 'http://127.0.0.1:8787';

export default defineConfig({
  root: webRoot,
  base: '/',
  // The app imports engine/ and workers/ from the repository root.
  server: {
    fs: { allow: [repoRoot] },
    proxy: { '/api': apiServer, '/tiles': apiServer },
  },
  preview: { proxy: { '/api': apiServer, '/tiles': apiServer } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // maplibre-gl alone is ~1 MB minified; the app is served locally, so the warning is noise.
    chunkSizeWarningLimit: 2000,
    // Pages: the map (index.html), the scenario comparison (compare.html) the policy rules (rules.html) and the gebiedsvisie sheet (gebiedsvisie.html).
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        compare: fileURLToPath(new URL('./compare.html', import.meta.url)),
        rules: fileURLToPath(new URL('./rules.html', import.meta.url)),
        gebiedsvisie: fileURLToPath(new URL('./gebiedsvisie.html', import.meta.url)),
      },
    },
  },
  worker: { format: 'es' },
});
