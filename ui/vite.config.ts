import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

// The .ftl files live in ../locales (shared with the Rust core), so Vite must be allowed to read
// the parent folder. Everything is bundled into dist/: the app loads nothing from the network.
export default defineConfig({
  plugins: [svelte()],
  base: './',
  clearScreen: false,
  server: {
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2021',
    // Inline nothing as data: URLs beyond what the CSP allows; keep one small bundle.
    assetsInlineLimit: 0,
  },
});
