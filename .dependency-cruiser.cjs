/** Dependency direction (docs/architecture.md): core is pure and imports nothing of ours and no node:* module. */
module.exports = {
  forbidden: [
    {
      name: 'core-no-node-builtins',
      comment: 'packages/core runs unchanged in the browser: no node:* or Node built-in modules.',
      severity: 'error',
      from: { path: '^packages/core/src' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-no-workspace-packages',
      comment: 'packages/core depends on no other workspace package.',
      severity: 'error',
      from: { path: '^packages/core/src' },
      to: { path: ['^packages/(?!core/)', 'node_modules/@jixiao/(?!core)', '^@jixiao/(?!core)'] },
    },
    {
      name: 'office-and-store-import-core-only',
      comment: 'file formats and storage are adapters around the core: they import no other workspace package.',
      severity: 'error',
      from: { path: '^packages/(office|store)/src' },
      to: { path: ['^packages/(?!core/|office/|store/)', '^@jixiao/(?!core)'] },
    },
    {
      name: 'web-imports-core-only',
      comment: 'the web UI talks to the server over HTTP; of our packages it may import core alone (docs/architecture.md).',
      severity: 'error',
      from: { path: '^packages/web' },
      to: { path: ['^packages/(?!core/|web/)', 'node_modules/@jixiao/(?!core)', '^@jixiao/(?!core)'] },
    },
    {
      name: 'app-imports-core-only',
      comment: 'the use cases orchestrate the core through its ports (Store); the adapters are given to them, never imported.',
      severity: 'error',
      from: { path: '^packages/app/src' },
      to: { path: ['^packages/(?!core/|app/)', 'node_modules/@jixiao/(?!core)', '^@jixiao/(?!core)'] },
    },
    {
      name: 'office-not-store',
      severity: 'error',
      from: { path: '^packages/office/src' },
      to: { path: '^packages/store/' },
    },
    {
      name: 'store-not-office',
      severity: 'error',
      from: { path: '^packages/store/src' },
      to: { path: '^packages/office/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'every import must resolve, or the rules above could not see where it goes.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^(@jixiao/|tsx/esm/api$)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'cli-not-imported',
      comment: 'the CLI is a leaf: nothing imports it.',
      severity: 'error',
      from: { pathNot: '^packages/cli' },
      to: { path: '^packages/cli' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: true,
    // ESM-only packages (vite, @vitejs/plugin-react) export under "import" alone.
    enhancedResolveOptions: { conditionNames: ['import', 'require', 'node', 'default'], exportsFields: ['exports'] },
  },
};
