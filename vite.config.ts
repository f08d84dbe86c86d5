import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * index.html carries the app's Content-Security-Policy (only its own scripts and styles). The dev
 * server injects React's refresh preamble as an inline script, which that policy refuses, so the
 * tag is dropped from the page the dev server serves; builds (and `vite preview`, the e2e) keep it.
 */
function cspOnlyInBuilds(): Plugin {
  return {
    name: 'csp-only-in-builds',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/\s*<!-- Only the app's own scripts[^>]*-->\s*<meta\s+http-equiv="Content-Security-Policy"[^>]*\/>/, ''),
  };
}

export default defineConfig({
  plugins: [react(), cspOnlyInBuilds()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    // The app fetches a language other than English when it is chosen; tests render every language, so all are registered up front.
    // The editor's code is fetched just after the first paint in the app; tests have it from the start.
    setupFiles: ['src/i18n/all-locales.ts', 'src/store/test-setup.ts'],
    // The property tests take a few seconds alone; on a machine shared by several test runs the 5 s default is too tight.
    testTimeout: 30_000,
  },
});
