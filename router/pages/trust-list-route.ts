import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../../kit/http/send';
import { parseTrustList, renderTrustListJson } from '../../kit/secured-documents/trust-list-json';
import { TRUST_LIST_QUERY } from '../../kit/secured-documents/trust-list-query';
import type { Execute } from './anonymous-execute';

/** Caches (browsers, proxies, offline verifiers) may keep a copy this long, in seconds. */
export const TRUST_LIST_MAX_AGE = 300;

/**
 * `GET /trust-list.json`: the national trust list (issuers, their public keys and validity
 * windows, withdrawn documents) as one static JSON document the public can download, cache and
 * verify with offline. Read through the router as an anonymous caller, like any public query.
 */
export function trustListRoute(
  execute: Execute,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      req.resume();
      sendJson(
        res,
        405,
        { errors: [{ message: 'GET /trust-list.json only.', extensions: { code: 'BAD_REQUEST' } }] },
        { allow: 'GET, HEAD' },
      );
      return;
    }
    let json: string;
    try {
      const answer = await execute(TRUST_LIST_QUERY, {});
      const data = answer.data?.trustList;
      if (!data) {
        const first = answer.errors?.[0];
        unavailable(
          res,
          first
            ? `The trust list is unavailable: ${first.message}`
            : 'The trust list is unavailable: the graph answered no trustList.',
        );
        return;
      }
      json = renderTrustListJson(parseTrustList(data));
    } catch (error) {
      console.error('trust list: cannot publish', error instanceof Error ? error.message : error);
      unavailable(res, 'The trust list is unavailable: it could not be read from the documents subgraph.');
      return;
    }
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(json),
      'cache-control': `public, max-age=${TRUST_LIST_MAX_AGE}`,
      // Public keys only: any web page (e.g. an offline verifier) may read it.
      'access-control-allow-origin': '*',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : json);
  };
}

function unavailable(res: ServerResponse, message: string): void {
  sendJson(
    res,
    503,
    { errors: [{ message, extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }] },
    { 'cache-control': 'no-store', 'retry-after': '30' },
  );
}
