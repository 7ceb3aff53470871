import { demoCitizens } from '../kit/demo/citizens';
import { type NationalGraph, startNationalGraph } from './support/national-graph';

describe('router over identity', () => {
  let graph: NationalGraph;
  beforeAll(async () => {
    graph = await startNationalGraph({ only: ['identity'] });
  });
  afterAll(() => graph.close());
  const someone = demoCitizens()[3]!;

  it('answers a permitted field and nulls a forbidden one with an error at its path', async () => {
    graph.subgraphs.identity!.stats.recentQueries.length = 0;
    const res = await graph.query(
      'query($id: String!) { citizen(nationalId: $id) { fullName address } agencies { code } }',
      { id: someone.nationalId },
      { client: 'welfare' },
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: { citizen: { fullName: someone.fullName, address: null }, agencies: expect.any(Array) },
      errors: [
        {
          message: 'You may not read Citizen.address: it needs scope identity.citizen.address:read.',
          locations: [{ line: 1, column: 59 }],
          path: ['citizen', 'address'],
          extensions: {
            code: 'UNAUTHORIZED_FIELD_OR_TYPE',
            coordinate: 'Citizen.address',
            missingScopes: ['identity.citizen.address:read'],
          },
        },
      ],
    });
    // The forbidden field was never asked of the subgraph: only a __typename placeholder under its key.
    const sent = graph.subgraphs.identity!.stats.recentQueries.join('\n');
    expect(sent).toContain('address:__typename');
    expect(sent).not.toMatch(/address(?!:__typename)/);
  });
});
