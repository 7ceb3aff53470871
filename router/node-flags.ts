/**
 * V8 flags the router process runs with (`npm start`, and the benchmark's router). A router
 * allocates fast and keeps little: every request's data dies with its answer. V8 grows the young
 * generation up to 16 MB per semi-space when allocation is fast, which under load held far more
 * memory than the live data needs. Measured with `npm run bench` (full run, 32 connections):
 * 8 MB brought pass-through from 292 to about 185 MB peak RSS with CPU per request unchanged;
 * 4 MB went lower on fast requests but higher on the national workload (256 against 149 MB),
 * whose requests wait long enough on ministries for their data to be promoted to the old space.
 */
export const ROUTER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];
