import type { IncomingMessage } from 'node:http';
import { urError } from '../errors/ur-error';

/** Reads a request body up to `limit` bytes; a larger body is refused before it is buffered whole. */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(urError('PAYLOAD_TOO_LARGE', `Request body is over the limit of ${limit} bytes.`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(urError('PAYLOAD_TOO_LARGE', `Request body is over the limit of ${limit} bytes.`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
