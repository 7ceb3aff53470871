import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { SpanKind, trace } from '@opentelemetry/api';
import { GraphQLError } from 'graphql';
import type { Handler } from '../http/serve';
import { recordOutcome } from '../telemetry/outcome';
import { extractContext } from '../telemetry/trace-headers';
import { withSpan } from '../telemetry/with-span';

/** Span attribute naming the subgraph that served the request. */
export const SUBGRAPH_ATTRIBUTE = 'ur.subgraph';

/**
 * Wraps a subgraph's `/graphql` handler in a SERVER span, the child of the span the router's
 * `traceparent` names (a root span without one), active while the request is verified, read and
 * executed. Named `<subgraph> operation` until `serverSpanPlugin` knows the operation's name.
 * Use it only when tracing is on: with tracing off the handler should be served bare.
 */
export function serverSpan(subgraph: string, handler: Handler): Handler {
  return (req, res) =>
    withSpan(
      `${subgraph} operation`,
      { [SUBGRAPH_ATTRIBUTE]: subgraph },
      async (span) => {
        try {
          await handler(req, res);
        } catch (error) {
          if (error instanceof GraphQLError) recordOutcome(span, [error]);
          throw error;
        }
        span.setAttribute('http.response.status_code', res.statusCode);
      },
      { kind: SpanKind.SERVER, parent: extractContext(req.headers) },
    );
}

/**
 * Completes the active server span from Apollo's view of the request: the span is renamed
 * `<subgraph> <operationName or 'operation'>` and given the operation's name and type, then the
 * outcome (`ok` or the answered error codes).
 */
export function serverSpanPlugin<TContext extends BaseContext>(
  subgraph: string,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const span = trace.getActiveSpan();
      if (!span?.isRecording()) return;
      return {
        async didResolveOperation({ operationName, operation }) {
          span.updateName(`${subgraph} ${operationName ?? 'operation'}`);
          if (operationName) span.setAttribute('graphql.operation.name', operationName);
          if (operation) span.setAttribute('graphql.operation.type', operation.operation);
        },
        async willSendResponse({ response }) {
          const { body } = response;
          recordOutcome(span, body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors);
        },
      };
    },
  };
}
