import { randomBytes } from 'node:crypto';
import {
  closeSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { AuditDraft, AuditWriter } from './audit-writer';

/** How long an entry may wait in the journal before it is copied into the chain. */
const SHIP_AFTER_MS = 250;
/** Entries per chain transaction. */
const SHIP_BATCH = 500;
/** After a failed copy (database unreachable), the next attempt. */
const RETRY_MS = 1000;
/**
 * Entries journaled but not yet in the chain beyond which appends are refused: a database down
 * for long must not grow the router's memory without bound (answers then fail AUDIT_UNAVAILABLE).
 */
const MAX_BACKLOG = 100_000;
/** A fully copied journal bigger than this is replaced by a new file. */
const ROTATE_BYTES = 16 * 1024 * 1024;

/** `<pid>-<random>-<generation>.jsonl`, optionally being recovered by another process. */
const JOURNAL_FILE = /^(\d+)-[0-9a-f]+-\d+\.jsonl(?:\.recovering-(\d+))?$/;

/** Journals open in this process (a test may run several routers on one data folder). */
const openHere = new Set<string>();

interface Journaled {
  readonly draft: AuditDraft;
  /** The journal's size just after this entry's line. */
  readonly end: number;
}

/**
 * The audit's write-ahead journal. An operation's entry is appended to a local file with one
 * synchronous `write` before the answer is released, so it survives a crash of the router process
 * (like SQLite's WAL in its default `synchronous=NORMAL`, it relies on the file system to survive
 * a power cut); the entries are then copied into the hash chain in the database in batches, at most
 * SHIP_AFTER_MS later, with the journal's position moved in the same transaction. A chain commit
 * per operation cost a fifth to a third of the router's CPU (a SQLite commit writes eight pages;
 * a PostgreSQL one is two round trips); one per batch costs a few per cent.
 *
 * Each router process writes a journal of its own. On start, journals left by processes that are
 * gone are copied first (`recoverJournals`), from their mark on: none is lost or copied twice.
 */
export class AuditJournal {
  private fd = -1;
  private name = '';
  private size = 0;
  private generation = 0;
  private backlog: Journaled[] = [];
  /** Appended in this turn of the event loop, not yet written. */
  private turn: {
    readonly draft: AuditDraft;
    readonly line: string;
    readonly resolve: () => void;
    readonly reject: (error: unknown) => void;
  }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private shipping: Promise<void> | undefined;
  private closed = false;

  private constructor(
    private readonly dir: string,
    private readonly writer: AuditWriter,
    private readonly id: string,
  ) {
    this.openFile();
  }

  /** Recovers what crashed routers left in `dir`, then opens this process's journal there. */
  static async open(dir: string, writer: AuditWriter): Promise<AuditJournal> {
    mkdirSync(dir, { recursive: true });
    await recoverJournals(dir, writer);
    return new AuditJournal(dir, writer, `${process.pid}-${randomBytes(4).toString('hex')}`);
  }

  /** Resolves once the entry is in the journal (durable); it reaches the chain shortly after. */
  append(draft: AuditDraft): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the audit journal is closed'));
    if (this.backlog.length + this.turn.length >= MAX_BACKLOG) {
      return Promise.reject(new Error(`${MAX_BACKLOG} audit entries wait for the database`));
    }
    return new Promise((resolve, reject) => {
      if (!this.turn.length) setImmediate(this.writeTurn);
      this.turn.push({ draft, line: `${JSON.stringify(draft)}\n`, resolve, reject });
    });
  }

  /**
   * One `write` for the entries appended in a turn of the event loop: under load, operations
   * finishing together cost one system call, not one each.
   */
  private readonly writeTurn = (): void => {
    const turn = this.turn;
    if (!turn.length) return;
    this.turn = [];
    const text = Buffer.from(turn.map((t) => t.line).join(''));
    try {
      for (let done = 0; done < text.length;) done += writeSync(this.fd, text, done);
    } catch (error) {
      // A torn line (disk full) would spoil the next one: the file goes back to its last whole line.
      ftruncateSync(this.fd, this.size);
      for (const t of turn) t.reject(error);
      return;
    }
    for (const t of turn) {
      this.size += Buffer.byteLength(t.line);
      this.backlog.push({ draft: t.draft, end: this.size });
      t.resolve();
    }
    this.schedule(SHIP_AFTER_MS);
  };

  /** Copies every entry appended so far into the chain (readers that need their own writes). */
  async flush(): Promise<void> {
    this.writeTurn();
    const target = this.size;
    while (this.backlog.length && (this.backlog[0] as Journaled).end <= target) await this.ship();
  }

  /** Copies what is left and removes the journal; if the database is down, the file stays for the next start. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    let copied = true;
    try {
      await this.flush();
    } catch (error) {
      copied = false;
      console.error(
        `audit: ${this.backlog.length} entries stay in ${join(this.dir, this.name)} for the next start (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    closeSync(this.fd);
    openHere.delete(this.name);
    if (!copied) return;
    unlinkSync(join(this.dir, this.name));
    await this.writer.forget(this.name);
  }

  private openFile(): void {
    this.name = `${this.id}-${this.generation}.jsonl`;
    this.fd = openSync(join(this.dir, this.name), 'a');
    this.size = 0;
    openHere.add(this.name);
  }

  private schedule(delay: number): void {
    if (this.timer || this.shipping || this.closed || !this.backlog.length) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.ship().catch((error: unknown) => {
        console.error(
          `audit: copying the journal into the chain failed (${error instanceof Error ? error.message : String(error)}); retrying in ${RETRY_MS / 1000} s`,
        );
        this.schedule(RETRY_MS);
      });
    }, delay);
  }

  /** One copy at a time: a caller arriving during one waits for it, then starts the next. */
  private async ship(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.shipping) await this.shipping.catch(() => undefined);
    const run = this.copy();
    this.shipping = run;
    try {
      await run;
    } finally {
      this.shipping = undefined;
    }
    this.schedule(SHIP_AFTER_MS);
  }

  /** The backlog as it is now, in batches, each with the journal's position after it. */
  private async copy(): Promise<void> {
    await copyInBatches(this.writer, this.name, this.backlog.slice(), (n) => this.backlog.splice(0, n));
    if (!this.backlog.length && this.size > ROTATE_BYTES) this.rotate();
  }

  /** Everything is in the chain: a new file replaces this one (names are never reused, nor marks). */
  private rotate(): void {
    const old = this.name;
    closeSync(this.fd);
    openHere.delete(old);
    unlinkSync(join(this.dir, old));
    this.generation += 1;
    this.openFile();
    this.writer.forget(old).catch(() => undefined); // a stale mark names no file: harmless
  }
}

/** `entries` into the chain, SHIP_BATCH at a time, each batch moving the journal's mark past it. */
async function copyInBatches(
  writer: AuditWriter,
  journal: string,
  entries: readonly Journaled[],
  copied?: (count: number) => void,
): Promise<void> {
  for (let i = 0; i < entries.length; i += SHIP_BATCH) {
    const batch = entries.slice(i, i + SHIP_BATCH);
    const position = (batch[batch.length - 1] as Journaled).end;
    await writer.write(
      batch.map((j) => j.draft),
      { journal, position },
    );
    copied?.(batch.length);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The entries of a journal's text past `from` bytes; a torn last line (never acknowledged) is left out. */
export function journaledAfter(text: Buffer, from: number): Journaled[] {
  const entries: Journaled[] = [];
  for (let start = 0, nl = text.indexOf(10); nl >= 0; start = nl + 1, nl = text.indexOf(10, start)) {
    if (nl + 1 > from) {
      entries.push({ draft: JSON.parse(text.toString('utf8', start, nl)) as AuditDraft, end: nl + 1 });
    }
  }
  return entries;
}

/**
 * Copies into the chain the journals in `dir` whose router process is gone, each from its mark
 * on, then deletes them; returns how many entries were copied. A journal is claimed by renaming
 * it, so two routers starting together never copy the same one.
 */
export async function recoverJournals(dir: string, writer: AuditWriter): Promise<number> {
  let copied = 0;
  for (const file of readdirSync(dir)) {
    const match = JOURNAL_FILE.exec(file);
    if (!match) continue;
    const journal = file.replace(/\.recovering-\d+$/, '');
    const owner = Number(match[2] ?? match[1]);
    if (openHere.has(journal) || (owner !== process.pid && isAlive(owner))) continue;
    const claimed = join(dir, `${journal}.recovering-${process.pid}`);
    try {
      renameSync(join(dir, file), claimed);
    } catch {
      continue; // claimed by another router meanwhile
    }
    const entries = journaledAfter(readFileSync(claimed), await writer.markOf(journal));
    await copyInBatches(writer, journal, entries);
    unlinkSync(claimed);
    await writer.forget(journal);
    copied += entries.length;
  }
  return copied;
}
