/// <reference types="vitest/config" />
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.js';
import { INLINING_FLAGS } from './src/runner/node/inliningBudget.ts';

/**
 * Dependencies Vite must pre-bundle up front. If they are discovered lazily (e.g. first
 * imported inside a worker during a browser test) Vite re-optimises mid-run, reloads the
 * page and worker tests hang.
 */
const PREBUNDLED = ['comlink', 'd3-array', 'd3-format', 'd3-scale', 'd3-shape', 'zod'];

export default defineConfig({
  plugins: [svelte()],
  server: {
    host: 'localhost',
  },
  preview: {
    host: 'localhost',
  },
  build: {
    target: 'es2022',
  },
  worker: {
    format: 'es',
  },
  optimizeDeps: {
    include: PREBUNDLED,
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          // Given at start, V8's flags are never changed while code is being optimised.
          execArgv: [...INLINING_FLAGS],
          // Simulation tests take seconds alone; on two shared cores, several at once take
          // longer than Vitest's default 5 s without anything being wrong.
          testTimeout: 30_000,
          globalSetup: ['tests/globalSetup.ts'],
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/browser/**', 'tests/e2e/**', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotDirectory: 'test-results/screenshots',
            provider: playwright({
              launchOptions: {
                executablePath: CHROMIUM_PATH,
                args: CHROMIUM_ARGS,
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
