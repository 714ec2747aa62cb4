import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The engine and scenario layers must be deterministic and pure: all randomness comes
 * from seeded streams and no wall-clock time is read. tsconfig.engine.json proves there
 * is no DOM/Node API use; these rules catch the non-deterministic globals ES2022 allows.
 */
const determinismRules = {
  'no-restricted-properties': [
    'error',
    {
      object: 'Math',
      property: 'random',
      message: 'Use a seeded stream from src/engine/random instead of Math.random.',
    },
    {
      object: 'Date',
      property: 'now',
      message: 'The engine must not read the clock (Date.now).',
    },
    {
      object: 'performance',
      property: 'now',
      message: 'The engine must not read the clock (performance.now).',
    },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "NewExpression[callee.name='Date']",
      message: 'The engine must not construct Dates (new Date) — pass times in explicitly.',
    },
    {
      selector: "CallExpression[callee.name='Date']",
      message: 'The engine must not read the clock (Date()).',
    },
  ],
};

/**
 * Components render state and send intents: they reach the runner and the engine only through
 * src/state and src/results, so neither a worker pool nor engine internals end up in a component.
 */
const componentImportRules = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          regex: '(^|/)(runner|engine)/',
          message:
            'Components do not import the runner or the engine (types included): go through src/state or src/results.',
        },
      ],
    },
  ],
};

/** Folders, from the project's root, that code in src/engine may import from. */
const ENGINE_MAY_IMPORT = ['src/engine', 'src/scenario'];
const ROOT = dirname(fileURLToPath(import.meta.url));

/**
 * Dependencies point one way (components → state → runner → engine ← scenario), and the engine
 * runs in bare workers that must not pull in the layers above it. So a file in src/engine may
 * import by relative path only from src/engine and src/scenario; packages are left to
 * tsconfig.engine.json, whose libraries hold no DOM or Node API.
 */
const layering = {
  rules: {
    'engine-imports': {
      meta: {
        type: 'problem',
        docs: { description: 'Forbids imports from src/engine into the layers above it.' },
        messages: {
          upward:
            "The engine imports only from src/engine and src/scenario, not from '{{target}}': move what it needs into the engine, or pass it in.",
        },
        schema: [],
      },
      create(context) {
        const check = (source) => {
          if (typeof source?.value !== 'string' || !/^[./]/.test(source.value)) return;
          const target = relative(ROOT, resolve(dirname(context.filename), source.value))
            .split(sep)
            .join('/');
          if (ENGINE_MAY_IMPORT.some((dir) => target === dir || target.startsWith(`${dir}/`)))
            return;
          context.report({ node: source, messageId: 'upward', data: { target } });
        };
        return {
          ImportDeclaration: (node) => check(node.source),
          ExportNamedDeclaration: (node) => check(node.source),
          ExportAllDeclaration: (node) => check(node.source),
          ImportExpression: (node) => check(node.source),
          TSImportType: (node) => check(node.source),
        };
      },
    },
  },
};

export default defineConfig(
  {
    ignores: [
      'dist/',
      'build/',
      'node_modules/',
      'coverage/',
      'test-results/',
      'screenshots/',
      '**/__screenshots__/',
      'docs/benchmarks/',
      '.vite/',
      'tmp/',
      'tmp-*/',
      // A verbatim copy of the 0.1.0 engine that the benchmark times against (see its README).
      'scripts/bench/engine-0.1.0/',
    ],
  },
  js.configs.recommended,
  ts.configs.recommended,
  svelte.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: {
        ...globals.browser,
        ...globals.node,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
  {
    files: ['src/engine/**/*.ts', 'src/scenario/**/*.ts'],
    rules: determinismRules,
  },
  {
    files: ['src/app/**'],
    rules: componentImportRules,
  },
  {
    files: ['src/engine/**/*.ts'],
    plugins: { layering },
    rules: { 'layering/engine-imports': 'error' },
  },
);
