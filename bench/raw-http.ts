import { connect, type Socket } from 'node:net';
import type { Answer } from './load';

const HEAD_END = Buffer.from('\r\n\r\n');
const CRLF = Buffer.from('\r\n');

/**
 * A POST with its headers and body as the bytes sent on the wire, prepared once per cell: the load
 * generator then does per request one socket write and reads one answer.
 */
export function requestBytes(url: URL, headers: Readonly<Record<string, string>>, body: Buffer): Buffer {
  const lines = [
    `POST ${url.pathname}${url.search} HTTP/1.1`,
    `host: ${url.host}`,
    `content-length: ${body.length}`,
  ];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
}

/** The answer's body once `buffer` holds all of it, or undefined while it does not. */
function bodyOf(buffer: Buffer, head: string, start: number): { body: Buffer; end: number } | undefined {
  const length = /\r\ncontent-length: *(\d+)/i.exec(head);
  if (length) {
    const end = start + Number(length[1]);
    return buffer.length >= end ? { body: buffer.subarray(start, end), end } : undefined;
  }
  if (!/\r\ntransfer-encoding: *chunked/i.test(head)) return { body: Buffer.alloc(0), end: start };
  const parts: Buffer[] = [];
  let at = start;
  for (;;) {
    const lineEnd = buffer.indexOf(CRLF, at);
    if (lineEnd < 0) return undefined;
    const size = parseInt(buffer.toString('latin1', at, lineEnd), 16);
    const dataEnd = lineEnd + 2 + size;
    if (buffer.length < dataEnd + 2) return undefined;
    if (size === 0) return { body: Buffer.concat(parts), end: dataEnd + 2 };
    parts.push(buffer.subarray(lineEnd + 2, dataEnd));
    at = dataEnd + 2;
  }
}

/**
 * One keep-alive HTTP/1.1 connection of the load generator: one request at a time, answers read
 * straight off the socket. `node:http`'s client cost about 110 µs of CPU per request here, on
 * the core the load generator shares with the subgraphs it measures through the router; this
 * costs a fraction of that, so the measured rates say more about the servers than about the client.
 */
export class RawConnection {
  private socket: Socket | undefined;
  private pending: Buffer = Buffer.alloc(0);
  private waiter: ((answer: Answer) => void) | undefined;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  /** Sends `bytes` (from `requestBytes`) and resolves with the answer; never rejects. */
  request(bytes: Buffer): Promise<Answer> {
    return new Promise((resolve) => {
      this.waiter = resolve;
      this.pending = Buffer.alloc(0);
      (this.socket ?? this.open()).write(bytes);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }

  private open(): Socket {
    const socket = connect({ host: this.host, port: this.port, noDelay: true });
    socket.on('data', (chunk: Buffer) => this.read(chunk));
    // Only the current socket's failure fails the request in flight: one closed on purpose is not.
    const fail = (reason: string) => {
      socket.destroy();
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.settle({ status: 0, body: Buffer.from(reason) });
    };
    socket.on('error', (error) => fail(String(error)));
    socket.on('close', () => fail('the server closed the connection'));
    this.socket = socket;
    return socket;
  }

  private read(chunk: Buffer): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const headEnd = this.pending.indexOf(HEAD_END);
    if (headEnd < 0) return;
    const head = this.pending.toString('latin1', 0, headEnd);
    const answer = bodyOf(this.pending, head, headEnd + 4);
    if (!answer) return;
    const status = Number(head.slice(9, 12));
    if (/\r\nconnection: *close/i.test(head)) this.close();
    this.settle({ status, body: answer.body });
  }

  private settle(answer: Answer): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    this.pending = Buffer.alloc(0);
    waiter?.(answer);
  }
}
