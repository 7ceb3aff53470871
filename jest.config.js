/** Unit, integration and end-to-end tests: TypeScript through swc (decorator metadata on, as in the build). */
const swcrc = JSON.parse(require('node:fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcrc.$schema;

module.exports = {
  testEnvironment: 'node',
  roots: [
    '<rootDir>/kit',
    '<rootDir>/subgraphs',
    '<rootDir>/router',
    '<rootDir>/tests',
    '<rootDir>/scripts',
    '<rootDir>/bench',
  ],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  setupFiles: ['reflect-metadata'],
  testTimeout: 60000,
  maxWorkers: 2,
  // Connection pools (pg, ioredis) can outlive a suite by a few seconds; never let CI hang on them.
  forceExit: true,
};
