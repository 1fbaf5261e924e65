import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// Content-Security-Policy for the served app: no unsafe-eval anywhere.
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/** The built index.html carries the CSP too, so any static host serving dist/ enforces it. */
function cspMeta(): Plugin {
  return {
    name: 'meridian-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  plugins: [
    cspMeta(),
    react(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.svg', 'icons/*.png'],
      manifest: {
        name: 'Meridian — member journeys',
        short_name: 'Meridian',
        description: 'Offline-first member operations: OneID, tags, audiences and journeys.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f6f7f9',
        theme_color: '#1f4e79',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-512-maskable.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,json}'],
        // Bench-only DuckDB-WASM (src/engine/benchDuckdb.ts, loaded with ?bench): its chunk, worker
        // and 33 MB wasm are never precached (the wasm is not matched by globPatterns anyway).
        globIgnores: ['**/benchDuckdb-*.js', '**/duckdb-*'],
        navigateFallback: '/index.html',
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        // The first worker takes charge of the open page at once, so lazy chunks loaded later in
        // this first visit are cached and served offline too; updates still wait for the prompt.
        clientsClaim: true,
      },
    }),
  ],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'dexie', test: /node_modules[\\/]dexie/ },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)/ },
          ],
        },
      },
    },
  },
  preview: { port: 4173, strictPort: false, headers: { 'Content-Security-Policy': CSP } },
  server: { headers: {} },
});
