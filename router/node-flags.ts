/**
 * V8 flags the router process runs with (`npm start`, and the benchmark's router). A router
 * allocates fast and keeps little: every request's data dies with its answer.
 *
 * - `--max-semi-space-size=8`: V8 grows the young generation up to 16 MB per semi-space when
 *   allocation is fast, which under load held far more memory than the live data needs. Measured
 *   with `npm run bench` (full run, 32 connections): 8 MB brought pass-through from 292 to about
 *   185 MB peak RSS with CPU per request unchanged; 4 MB went lower on fast requests but higher on
 *   the national workload (256 against 149 MB), whose requests wait long enough on ministries for
 *   their data to be promoted to the old space.
 * - `--max-old-space-size=512`: V8 sizes how far the old space grows before a full collection by
 *   the heap's limit, which by default follows the machine's memory (4 GB here), so under load it
 *   kept a heap of garbage it had no reason to collect. With a 512 MB limit (admission control
 *   bounds what is live far below it) peak RSS on the federation workloads at 32 connections fell
 *   from 239–282 to 139–184 MB, for 0–11% more CPU per request on the N = 1000 list (session 5,
 *   A/B runs of the standard workload and the list sweep).
 */
export const ROUTER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8', '--max-old-space-size=512'];
