import type {
  CitizenDisabilityStatusQuery,
  CitizenDisabilityStatusQueryVariables,
} from '../clients/generated/operations';
import { operation } from '../clients/operations';
import { urClient } from '../clients/ur-client';
import { demoCitizens } from '../kit/demo/citizens';
import { type NationalGraph, startNationalGraph } from './support/national-graph';

/** Drift of clients/generated is checked by `npm test` (generate-client-types --check). */
describe('client types', () => {
  describe('the typed client against the national graph', () => {
    let graph: NationalGraph;
    beforeAll(async () => {
      graph = await startNationalGraph({ only: ['identity', 'health'] });
    });
    afterAll(() => graph.close());

    it('answers a documented operation with its purpose, typed', async () => {
      const person = demoCitizens()[5]!;
      const ur = urClient({
        url: graph.router.url,
        token: () => graph.token('welfare'),
        purpose: 'SOCIAL_WELFARE_ELIGIBILITY',
      });
      const res = await ur.request<CitizenDisabilityStatusQuery, CitizenDisabilityStatusQueryVariables>(
        operation('citizen-disability-status.graphql'),
        { nationalId: person.nationalId },
      );
      expect(res.errors).toEqual([]);
      expect(res.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.data?.citizen?.fullName).toBe(person.fullName);
      expect(res.data?.citizen?.governorate.code).toBe(person.governorate);
    });
  });
});
