/**
 * The layers of the app, checked by tests/meta/architecture.test.ts (`npx depcruise src` shows the same):
 *   main → ui → state → storage, share, rules → i18n, pwa → engine
 * and the command line → engine (plus the release reader in src/rules and the wording in src/i18n). Every import points down (or within its own layer); the engine
 * imports nothing but itself and its JSON Schema validator; screens and components take from the
 * engine only types (the state layer evaluates), and from the storage only types (the state layer
 * reads and writes the device).
 */
const layer = (names) => `^src/(${names.join('|')})(/|\\.|$)`;
const above = {
  engine: ['i18n', 'pwa', 'storage', 'share', 'rules', 'state', 'ui', 'main', 'cli'],
  i18n: ['storage', 'share', 'rules', 'state', 'ui', 'main', 'cli'],
  pwa: ['storage', 'share', 'rules', 'state', 'ui', 'main', 'cli'],
  storage: ['state', 'ui', 'main', 'cli'],
  share: ['state', 'ui', 'main', 'cli'],
  rules: ['state', 'ui', 'main', 'cli'],
  state: ['ui', 'main', 'cli'],
  ui: ['main', 'cli'],
};

module.exports = {
  forbidden: [
    ...Object.entries(above).map(([from, upper]) => ({
      name: `${from}-points-down`,
      comment: `${from} imports only layers below it`,
      severity: 'error',
      from: { path: layer([from]) },
      to: { path: layer(upper) },
    })),
    {
      name: 'engine-is-pure',
      comment: 'the engine imports only itself, its JSON Schema validator and the schemas (no DOM, no Node, no app code)',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { pathNot: ['^src/engine/', '^node_modules/@cfworker/json-schema/', '^rules/schema/'] },
    },
    {
      name: 'cli-uses-the-engine',
      comment: 'the command line takes evaluation from the engine, reads releases (src/rules) and words figures (src/i18n) as the app does, nothing else of the app',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/', pathNot: ['^src/cli/', '^src/engine/', '^src/rules/', '^src/i18n/'] },
    },
    {
      name: 'ui-takes-engine-types-only',
      comment: 'screens and components show results; eligibility is the engine\'s, reached through the state',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: '^src/engine/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'ui-reaches-storage-through-state',
      comment: 'screens read the state and call its actions; the state alone reads and writes the device (the caseload vault too)',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: '^src/storage/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.d\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
