import { type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { isIntrospection } from './introspection';

function asks(query: string): boolean {
  const document = parse(query);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  return isIntrospection(operation, fragments);
}

describe('isIntrospection', () => {
  it('finds __schema and __type, also behind fragments', () => {
    expect(asks('{ __schema { queryType { name } } }')).toBe(true);
    expect(asks('{ agencies { code } ... on Query { __type(name: "Agency") { name } } }')).toBe(true);
    expect(asks('query { ...F } fragment F on Query { __schema { types { name } } }')).toBe(true);
  });

  it('does not count __typename, nor a field merely named like one below the top', () => {
    expect(asks('{ __typename agencies { __typename code } }')).toBe(false);
  });
});
