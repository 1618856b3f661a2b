/**
 * The layers of docs/DESIGN.md, enforced (`npm run lint:deps`, run by .ci/run). Imports point
 * down, never up and never in a circle; type-only imports may point anywhere except in a circle.
 *
 *   top      src/main.ts · src/server.ts · src/services.ts   (composition root)
 *   edges    src/http · src/admin · src/widget
 *   workers  workers/
 *   domain   src/comments · src/moderation · src/captcha · src/publish · src/retention · src/ops
 *   store    src/store
 *   leaves   src/filters · src/queues · src/config.ts · src/errors.ts · src/util · src/logger.ts · src/metrics.ts
 */
const TOP = '^src/(main|server|services)\\.ts$';
const EDGES = '^src/(http|admin|widget)/';
const WORKERS = '^workers/';
const DOMAIN = '^src/(comments|moderation|captcha|publish|retention|ops)/';
const STORE = '^src/store/';
const LEAVES = '^src/(filters/|queues/|util/|config\\.ts$|errors\\.ts$|logger\\.ts$|metrics\\.ts$)';
const runtime = { dependencyTypesNot: ['type-only'] };

const above = (layer, ...higher) => ({
  name: `no-climb-${layer.name}`,
  comment: `${layer.name} imports only its own layer or lower ones (docs/DESIGN.md, "Layers")`,
  severity: 'error',
  from: { path: layer.path },
  to: { path: higher.flat(), ...runtime },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'a run-time import cycle (type-only imports do not run)',
      from: {},
      to: { circular: true, ...runtime, viaOnly: runtime },
    },
    above({ name: 'edges', path: EDGES }, TOP),
    above({ name: 'workers', path: WORKERS }, [TOP, EDGES]),
    above({ name: 'domain', path: DOMAIN }, [TOP, EDGES, WORKERS]),
    above({ name: 'store', path: STORE }, [TOP, EDGES, WORKERS, DOMAIN]),
    above({ name: 'leaves', path: LEAVES }, [TOP, EDGES, WORKERS, DOMAIN, STORE]),
    {
      name: 'filters-is-a-leaf',
      comment: 'src/filters stands alone: it imports nothing of the service outside itself',
      severity: 'error',
      from: { path: '^src/filters/' },
      to: { path: '^(src|workers)/', pathNot: '^src/filters/' },
    },
    {
      name: 'leaves-stay-apart',
      comment: 'a leaf imports no other leaf but util and errors',
      severity: 'error',
      from: { path: '^src/(queues/|util/|config\\.ts$|errors\\.ts$|logger\\.ts$|metrics\\.ts$)' },
      to: { path: '^src/filters/', ...runtime },
    },
    {
      name: 'services-only-from-the-top',
      comment: 'only the composition root and the edges see the whole Services bag; the domain takes the small interfaces it uses',
      severity: 'error',
      from: { path: [DOMAIN, STORE, LEAVES, WORKERS] },
      to: { path: '^src/services\\.ts$' },
    },
    {
      name: 'no-tests-from-src-or-bench',
      comment: 'bench/ and src/ never import tests/ (shared helpers live in tests/support)',
      severity: 'error',
      from: { path: '^(src|workers|bench)/' },
      to: { path: '^tests/', pathNot: '^tests/support/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: ['^dist/', '\\.d\\.ts$'] },
  },
};
