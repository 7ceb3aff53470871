/**
 * `npm start`: every subgraph in its own process (as each ministry runs its own), then the router
 * once they all answer /health. Ctrl-C stops them all; if one dies, everything stops.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from '../kit/config/variables';
import { ensurePlatformKeys } from '../kit/auth/keys';
import { SUBGRAPHS } from '../subgraphs';
import { ROUTER_NODE_FLAGS } from '../router/node-flags';

const children: ChildProcess[] = [];
let stopping = false;

function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 1500).unref();
}

function start(
  name: string,
  script: string,
  env: Record<string, string>,
  execArgv: readonly string[] = [],
): ChildProcess {
  const child = fork(script, [], {
    env: { ...process.env, ...env },
    execArgv: [...process.execArgv, ...execArgv],
  });
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`${name} exited (${code}); stopping the graph`);
      stopAll(1);
    }
  });
  children.push(child);
  return child;
}

async function waitHealthy(url: string, name: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} did not become healthy at ${url}`);
}

async function main() {
  const config = loadConfig();
  // Keys are made here once, before the children race to create them.
  ensurePlatformKeys(config.dataDir ?? 'data', config.contextSecret);
  const host = config.host ?? '127.0.0.1';
  const dist = join(__dirname, '..');
  for (const s of SUBGRAPHS) {
    start(s.name, join(dist, 'subgraphs', s.name, 'main.js'), { UR_PORT: String(s.port) });
  }
  await Promise.all(SUBGRAPHS.map((s) => waitHealthy(`http://${host}:${s.port}/health`, s.name)));
  const urls = SUBGRAPHS.map((s) => `${s.name}=http://${host}:${s.port}/graphql`).join(',');
  start(
    'router',
    join(dist, 'router', 'main.js'),
    {
      UR_SUBGRAPH_URLS: process.env.UR_SUBGRAPH_URLS ?? urls,
    },
    ROUTER_NODE_FLAGS,
  );
  await waitHealthy(`http://${host}:${config.routerPort ?? 4000}/health`, 'router');
  console.log(`\nUr National Graph is up: http://localhost:${config.routerPort ?? 4000}/graphql`);
  console.log('Get a token: npm run -s token -- --client welfare');
}

process.once('SIGINT', () => stopAll(0));
process.once('SIGTERM', () => stopAll(0));
main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  stopAll(1);
});
