import type { RunningSubgraph } from '../../../kit/subgraph/start-subgraph';
import { callSubgraph, startTestSubgraph, testCaller } from '../../../kit/testing/subgraph-harness';
import { demoCitizens } from '../../../kit/demo/citizens';
import { identity } from '../subgraph';

const BASIC = 'identity.citizen.basic:read';

describe('identity subgraph', () => {
  let sg: RunningSubgraph;
  beforeAll(async () => {
    sg = await startTestSubgraph(identity);
  });
  afterAll(() => sg.close());

  const someone = demoCitizens()[0]!;

  it('answers a citizen by national ID to a caller with basic-identity scope', async () => {
    const res = await callSubgraph(
      sg.url,
      'query($id: String!) { citizen(nationalId: $id) { nationalId fullName fullNameEn birthDate governorate { code name nameEn } } }',
      { id: someone.nationalId },
      testCaller([BASIC]),
    );
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({
      citizen: {
        nationalId: someone.nationalId,
        fullName: someone.fullName,
        fullNameEn: someone.fullNameEn,
        birthDate: someone.birthDate,
        governorate: expect.objectContaining({ code: someone.governorate }),
      },
    });
  });

  it('refuses the address without the address scope (its own shield, not only the router)', async () => {
    const res = await callSubgraph(
      sg.url,
      'query($id: String!) { citizen(nationalId: $id) { fullName address } }',
      { id: someone.nationalId },
      testCaller([BASIC]),
    );
    expect(res.body.data).toEqual({ citizen: { fullName: someone.fullName, address: null } });
    expect(res.body.errors).toEqual([
      {
        message: 'Citizen.address needs scope identity.citizen.address:read.',
        path: ['citizen', 'address'],
        locations: expect.any(Array),
        extensions: { code: 'FORBIDDEN', missingScopes: ['identity.citizen.address:read'] },
      },
    ]);
  });

  it('rejects an invalid national ID with INVALID_NATIONAL_ID', async () => {
    const res = await callSubgraph(
      sg.url,
      '{ citizen(nationalId: "123") { fullName } }',
      {},
      testCaller([BASIC]),
    );
    expect(res.body.errors?.[0]).toMatchObject({
      message: '"123" is not a valid national ID: it must be 12 digits, not starting with 0.',
      extensions: { code: 'INVALID_NATIONAL_ID', argument: 'nationalId' },
    });
  });
});
