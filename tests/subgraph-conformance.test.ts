import type { RunningSubgraph } from '../kit/subgraph/start-subgraph';
import { callSubgraph, startTestSubgraph, testCaller } from '../kit/testing/subgraph-harness';
import { SUBGRAPHS } from '../subgraphs';

/**
 * What every ministry's subgraph does the same way, checked for each one (a new ministry gets
 * these checks by being listed in subgraphs/index.ts): it answers only the router, serves its
 * health check to anyone, and gives the router its SDL.
 */
describe.each(SUBGRAPHS.map((d) => [d.name, d] as const))('%s subgraph conformance', (_name, definition) => {
  let sg: RunningSubgraph;
  beforeAll(async () => {
    sg = await startTestSubgraph(definition);
  });
  afterAll(() => sg.close());

  it('answers nothing to a direct call without the router’s signed context: 401 MISSING_SIGNED_CONTEXT', async () => {
    const res = await callSubgraph(sg.url, '{ _service { sdl } }', {}, null);
    expect(res).toEqual({
      status: 401,
      body: {
        errors: [
          {
            message: 'This subgraph answers only the router. Send the query to the national graph.',
            extensions: { code: 'MISSING_SIGNED_CONTEXT' },
          },
        ],
      },
      extensions: undefined,
    });
  });

  it('serves its health check to anyone', async () => {
    const res = await fetch(sg.url.replace('/graphql', '/health'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      service: definition.name,
      agency: definition.agency,
      database: process.env.DATABASE_URL ? 'postgresql' : 'sqlite',
    });
  });

  it('gives the router its SDL, with its access policy', async () => {
    const res = await callSubgraph(sg.url, '{ _service { sdl } }', {}, testCaller([]));
    const sdl = (res.body.data as { _service: { sdl: string } })._service.sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.6"');
    expect(sdl).toMatch(/@requiresScopes|@authenticated/);
  });
});
