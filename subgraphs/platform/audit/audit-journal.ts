import { randomBytes } from 'node:crypto';
import { closeSync, ftruncateSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditWriter } from './audit-writer';
import type { AuditDraft } from './hash-chain';
import { journalLine } from './journal-line';
import { type Copier, JournalCopier, openHere, recoverJournals } from './journal-copier';

/**
 * Journaled bytes not yet in the chain beyond which appends are refused: a database down for long
 * must not fill the disk (answers then fail AUDIT_UNAVAILABLE). About 100,000 entries.
 */
const MAX_BACKLOG_BYTES = 100 * 1024 * 1024;
/** A fully copied journal bigger than this is replaced by a new file. */
const ROTATE_BYTES = 16 * 1024 * 1024;

/** A write's outcome, to be settled by whoever writes (Node 20 has no `Promise.withResolvers`). */
interface Written {
  readonly promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

function written(): Written {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * The audit's write-ahead journal. An operation's entry is appended to a local file with one
 * synchronous `write` before the answer is released, so it survives a crash of the router process
 * (like SQLite's WAL in `synchronous=NORMAL`, it relies on the file system to survive
 * a power cut); a copier (`JournalCopier`, in this process or in one of its own) then copies the
 * entries into the hash chain in the database in batches, at most SHIP_AFTER_MS later, with the
 * journal's position moved in the same transaction. A chain commit per operation cost a fifth to
 * a third of the router's CPU (a SQLite commit writes eight pages; a PostgreSQL one is two round
 * trips); the append alone costs a few per cent.
 *
 * Each router process writes a journal of its own. On start, journals left by processes that are
 * gone are copied first (`recoverJournals`), from their mark on: none is lost or copied twice.
 */
export class AuditJournal {
  private fd = -1;
  private name = '';
  private size = 0;
  /** Bytes of the current journal in the chain, as the copier last said. */
  private copied = 0;
  private generation = 0;
  /** Lines appended in this turn of the event loop, not yet written, and their one write's outcome. */
  private turn: { lines: string[]; readonly written: Written } | undefined;
  private closed = false;

  /** Copies the journal into the chain: set by `open`, before the first append. */
  private copier!: Copier;

  private constructor(
    private readonly dir: string,
    private readonly id: string,
  ) {}

  /**
   * Recovers what gone routers left in `dir`, then opens this process's journal there, copied by
   * `copier` (made with the callback it reports progress to), or by a JournalCopier in this process.
   */
  static async open(
    dir: string,
    writer: AuditWriter,
    copier?: (onCopied: (journal: string, position: number) => void) => Promise<Copier>,
  ): Promise<AuditJournal> {
    mkdirSync(dir, { recursive: true });
    const journal = new AuditJournal(dir, `${process.pid}-${randomBytes(4).toString('hex')}`);
    const onCopied = (name: string, position: number) => journal.copiedTo(name, position);
    if (copier) {
      // A copier process recovers the folder itself before it says it is ready.
      journal.copier = await copier(onCopied);
    } else {
      await recoverJournals(dir, writer);
      journal.copier = new JournalCopier(dir, writer, onCopied);
    }
    await journal.openFile();
    return journal;
  }

  /** The copier's process id when it runs in a process of its own (for the benchmark's meter). */
  get copierPid(): number | undefined {
    return (this.copier as { readonly pid?: number }).pid;
  }

  /** Resolves once the entry is in the journal (durable); it reaches the chain shortly after. */
  append(draft: AuditDraft): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the audit journal is closed'));
    if (this.size - this.copied >= MAX_BACKLOG_BYTES) {
      return Promise.reject(new Error(`${MAX_BACKLOG_BYTES} bytes of audit entries wait for the database`));
    }
    if (!this.turn) {
      this.turn = { lines: [], written: written() };
      setImmediate(this.writeTurn);
    }
    this.turn.lines.push(journalLine(draft));
    // Entries of one turn share one write, so they share its outcome.
    return this.turn.written.promise;
  }

  /**
   * One `write` for the entries appended in a turn of the event loop: under load, operations
   * finishing together cost one system call, not one each.
   */
  private readonly writeTurn = (): void => {
    const turn = this.turn;
    if (!turn) return;
    this.turn = undefined;
    const text = Buffer.from(`${turn.lines.join('\n')}\n`);
    try {
      for (let done = 0; done < text.length;) done += writeSync(this.fd, text, done);
    } catch (error) {
      // A torn line (disk full) would spoil the next one: the file goes back to its last whole line.
      ftruncateSync(this.fd, this.size);
      turn.written.reject(error);
      return;
    }
    this.size += text.length;
    turn.written.resolve();
  };

  /** Copies every entry appended so far into the chain (readers that need their own writes). */
  async flush(): Promise<void> {
    this.writeTurn();
    await this.copier.copyTo(this.name, this.size);
  }

  /** Copies what is left and removes the journal; if the database is down, the file stays for the next start. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.writeTurn();
    closeSync(this.fd);
    openHere.delete(this.name);
    try {
      await this.copier.retire(this.name, this.size);
    } catch (error) {
      console.error(
        `audit: entries stay in ${join(this.dir, this.name)} for the next start (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    await this.copier.close();
  }

  private async openFile(): Promise<void> {
    this.name = `${this.id}-${this.generation}.jsonl`;
    this.fd = openSync(join(this.dir, this.name), 'a');
    this.size = 0;
    this.copied = 0;
    openHere.add(this.name);
    await this.copier.follow(this.name);
  }

  /** The copier's progress: a fully copied big journal is replaced by a new file (names are never reused). */
  private copiedTo(journal: string, position: number): void {
    if (journal !== this.name || this.closed) return;
    this.copied = position;
    if (position < this.size || this.size <= ROTATE_BYTES) return;
    const old = this.name;
    const end = this.size;
    closeSync(this.fd);
    openHere.delete(old);
    this.generation += 1;
    this.openFile().catch((error: unknown) => console.error('audit: a new journal file failed', error));
    this.copier.retire(old, end).catch(() => undefined); // left for the next start's recovery
  }
}
