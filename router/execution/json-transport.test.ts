import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JsonTransport, SubgraphTimeoutError } from './json-transport';

describe('JsonTransport', () => {
  let server: Server;
  let url: string;
  const seen: { headers: Record<string, unknown>; body: string }[] = [];
  beforeAll(async () => {
    // Answers JSON at once, plain text on /text, and never on /slow.
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ headers: req.headers, body });
        if (req.url === '/slow') return;
        if (req.url === '/text') return res.end('not json');
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: { echo: JSON.parse(body) } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });

  it('posts JSON with its headers and gives the text of the answer, reusing one connection', async () => {
    const transport = new JsonTransport(`${url}/graphql`, 5_000);
    const first = await transport.post('{"query":"{ a }"}', { 'ur-context': 'token' });
    const second = await transport.post('{"query":"{ b }"}', {});
    expect(first).toMatchObject({
      status: 200,
      text: JSON.stringify({ data: { echo: { query: '{ a }' } } }),
    });
    expect(second.text).toBe(JSON.stringify({ data: { echo: { query: '{ b }' } } }));
    expect(seen.at(-2)?.headers).toMatchObject({ 'content-type': 'application/json', 'ur-context': 'token' });
    expect(seen.at(-1)?.headers.connection).toBe('keep-alive');
    transport.close();
  });

  it('gives a body that is not JSON as it came, with the status', async () => {
    const transport = new JsonTransport(`${url}/text`, 5_000);
    expect(await transport.post('{}', {})).toMatchObject({ status: 200, text: 'not json' });
    transport.close();
  });

  it('ends a call that gets no answer within its deadline with SubgraphTimeoutError', async () => {
    const transport = new JsonTransport(`${url}/slow`, 50);
    await expect(transport.post('{}', {})).rejects.toBeInstanceOf(SubgraphTimeoutError);
    transport.close();
  });

  it('rejects when nothing listens', async () => {
    const transport = new JsonTransport('http://127.0.0.1:1/graphql', 5_000);
    await expect(transport.post('{}', {})).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    transport.close();
  });
});
