import { type ASTNode, type DocumentNode, Kind, visit } from 'graphql';

/** Specs the router enforces itself; @apollo/gateway refuses a supergraph that links them. */
const SECURITY_SPECS = ['authenticated', 'requiresScopes', 'policy'];
const SECURITY_DIRECTIVES = new Set(SECURITY_SPECS);
const SECURITY_SCALARS = new Set(['requiresScopes__Scope', 'policy__Policy']);

function linksSecuritySpec(node: ASTNode): boolean {
  if (node.kind !== Kind.DIRECTIVE || node.name.value !== 'link') return false;
  const url = node.arguments?.find((a) => a.name.value === 'url')?.value;
  return url?.kind === Kind.STRING && SECURITY_SPECS.some((spec) => url.value.includes(`/${spec}/`));
}

/**
 * The supergraph minus the authorization specs (their @link, definitions and every use), for
 * @apollo/gateway, which cannot execute a supergraph that links a SECURITY feature it does not
 * implement. The router reads the policy from the unstripped supergraph first.
 */
export function stripSecurityFeatures(supergraph: DocumentNode): DocumentNode {
  return visit(supergraph, {
    Directive(node) {
      if (SECURITY_DIRECTIVES.has(node.name.value) || linksSecuritySpec(node)) return null;
      return undefined;
    },
    DirectiveDefinition(node) {
      return SECURITY_DIRECTIVES.has(node.name.value) ? null : undefined;
    },
    ScalarTypeDefinition(node) {
      return SECURITY_SCALARS.has(node.name.value) ? null : undefined;
    },
  });
}
