/**
 * Architecture rules, checked by `npm run depcruise` (part of `npm run check`).
 * Each rule says why it exists; relax one only together with the reason.
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-app-to-other-app',
      severity: 'error',
      comment:
        'Each service is deployed, scaled and owns its schema on its own; services meet only through the ' +
        'events and payloads in libs/contracts. Importing another app couples their releases and lets one ' +
        "service read another's tables. Move shared code to a lib instead.",
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-lib-to-app',
      severity: 'error',
      comment:
        'Libs are shared by every service; a lib that imports an app drags that service into all the others ' +
        'and turns the dependency direction upside down (apps depend on libs, never the reverse).',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'contracts-stand-alone',
      severity: 'error',
      comment:
        'libs/contracts is the public contract (topics, event types, payloads) that every service and ' +
        'external publishers rely on; it must not depend on messaging, persistence or service-kit, or a ' +
        'change of plumbing would change the contract.',
      from: { path: '^libs/contracts/' },
      to: { path: '^libs/', pathNot: '^libs/contracts/' },
    },
    {
      name: 'web-ui-stays-in-the-browser',
      severity: 'error',
      comment:
        "The console's web UI is bundled for the browser: it talks to the console over HTTP only. Server code " +
        'in its bundle would not run there (Nest, TypeORM, class-validator) and could leak secrets into a ' +
        'public file. The shared pieces are pure files of the contract: the region list, the tracking-number format, ' +
        'the event types and the HTTP views of the console API (libs/contracts/src/console-api: types only, which ' +
        "the console declares its answers with); and the calendar's month names.",
      from: { path: '^apps/console-web/' },
      to: {
        path: '^(apps|libs)/',
        pathNot: [
          '^apps/console-web/',
          '^libs/contracts/src/kazakhstan/region-list[.]ts$',
          '^libs/contracts/src/tracking-number[.]ts$',
          '^libs/contracts/src/event-types[.]ts$',
          '^libs/calendar/src/month-names[.]ts$',
          '^libs/contracts/src/console-api/',
        ],
      },
    },
    {
      name: 'kafkajs-only-through-messaging',
      severity: 'error',
      comment:
        'Services talk to Kafka through libs/messaging, which classifies errors, retries, dead-letters and ' +
        'commits offsets only after the database commit. Direct kafkajs use elsewhere bypasses those ' +
        'guarantees. The local broker (libs/local-infra), scripts (bench), the bench and its measuring peers ' +
        '(bench/: the raw floor is plain kafkajs by definition) and tests (test/, libs/testing) may use it ' +
        'directly. The readiness check of libs/service-kit uses probeKafka from libs/messaging.',
      from: {
        pathNot: [
          '^libs/messaging/',
          '^libs/local-infra/',
          '^libs/testing/',
          '^scripts/',
          '^bench/',
          '^test/',
        ],
      },
      to: { path: '(^|/)node_modules/kafkajs/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Cycles make module initialisation order fragile (a class can be undefined when a decorator or Nest ' +
        'provider reads it) and make it impossible to reason about or split the code in layers.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-dev-dependency-in-production-code',
      severity: 'error',
      comment:
        'The Docker image prunes devDependencies (npm prune --omit=dev); a devDependency imported by ' +
        'service code works on a developer machine and crashes in production. Specs and libs/testing may ' +
        'use them. Type-only ' +
        "imports (`import type { Response } from 'express'`, typed by @types/express) are erased by tsc, " +
        "so they are allowed. The console's web UI is bundled by the build: its libraries are build-time " +
        'dependencies that never run from node_modules.',
      from: { path: '^(apps|libs)/', pathNot: ['[.]spec[.]ts$', '^libs/testing/', '^apps/console-web/'] },
      to: {
        dependencyTypes: ['npm-dev'],
        dependencyTypesNot: ['type-only'],
        pathNot: '(^|/)node_modules/@types/',
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage|[.]local)/' },
    // Type-only imports count too: a cycle or a forbidden import through types is still a design smell.
    tsPreCompilationDeps: true,
    // Resolves the `@app/<lib>` path aliases of tsconfig.json to libs/<lib>/src.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.d.ts', '.js', '.cjs', '.mjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
