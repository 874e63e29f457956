// Dependency boundaries: the core stays pure (no I/O, no adapters, no process).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'functions/core imports only functions/core and pure libraries (zod).',
      severity: 'error',
      from: { path: '^functions/core/' },
      to: {
        pathNot: ['^functions/core/', 'node_modules/zod/', '^crypto$'],
      },
    },
    {
      name: 'ports-are-types',
      comment: 'Ports depend on the core only.',
      severity: 'error',
      from: { path: '^functions/ports/' },
      to: { pathNot: ['^functions/core/', '^functions/ports/', 'node_modules/zod/'] },
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
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
