import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RawConnection, requestBytes } from './raw-http';

describe('RawConnection', () => {
  let server: Server;
  let port: number;
  const seen: { url?: string; headers: Record<string, unknown>; body: string }[] = [];
  beforeAll(async () => {
    // /length answers with a content-length, /chunked in three chunks, /close closes after
    // answering, /drop hangs up without an answer.
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ url: req.url, headers: req.headers, body });
        if (req.url === '/drop') return req.socket.destroy();
        if (req.url === '/chunked') {
          res.write('{"data":');
          res.write('{"a":1}');
          return res.end('}');
        }
        if (req.url === '/close') res.setHeader('connection', 'close');
        res.end(JSON.stringify({ echo: body }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });

  const wire = (path: string, body = '{}') =>
    requestBytes(
      new URL(`http://127.0.0.1:${port}${path}`),
      { 'content-type': 'application/json' },
      Buffer.from(body),
    );

  it('sends the prepared request and reads answers with a length, one after another on one connection', async () => {
    const connection = new RawConnection('127.0.0.1', port);
    const first = await connection.request(wire('/length', '{"q":1}'));
    const second = await connection.request(wire('/length', '{"q":2}'));
    connection.close();
    expect(first.status).toBe(200);
    expect(first.body.toString()).toBe(JSON.stringify({ echo: '{"q":1}' }));
    expect(second.body.toString()).toBe(JSON.stringify({ echo: '{"q":2}' }));
    expect(seen.at(-1)?.headers).toMatchObject({ 'content-type': 'application/json', 'content-length': '7' });
  });

  it('joins a chunked answer', async () => {
    const connection = new RawConnection('127.0.0.1', port);
    const answer = await connection.request(wire('/chunked'));
    connection.close();
    expect(answer).toEqual({ status: 200, body: Buffer.from('{"data":{"a":1}}') });
  });

  it('opens a new connection after the server closes one, and answers status 0 when it hangs up', async () => {
    const connection = new RawConnection('127.0.0.1', port);
    expect((await connection.request(wire('/close'))).status).toBe(200);
    expect((await connection.request(wire('/length'))).status).toBe(200);
    const dropped = await connection.request(wire('/drop'));
    expect(dropped.status).toBe(0);
    expect((await connection.request(wire('/length'))).status).toBe(200);
    connection.close();
  });
});
