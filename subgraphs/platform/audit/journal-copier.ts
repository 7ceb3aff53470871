import {
  closeSync,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  unlinkSync,
} from 'node:fs';
import { join } from 'node:path';
import { type AuditWriter, StaleJournalMark } from './audit-writer';
import { type JournaledDraft, parseJournalLine } from './journal-line';

/**
 * How long an entry may wait in the journal before it is copied into the chain. Readers of the
 * trail never wait for it (they ask for a copy up to the journal's end, `copyTo`). Each copy has a
 * fixed cost, mostly code gone cold and garbage collection between copies, so the interval sets
 * the copier's CPU at a steady load: at 120 entries/s, 0.25 s cost about a third more per entry
 * than 1 s; 2 s saved little more.
 */
export const SHIP_AFTER_MS = 1000;
/** Entries per chain transaction. */
const SHIP_BATCH = 500;
/** After a failed copy (database unreachable), the next attempt. */
const RETRY_MS = 1000;
/** Bytes of a journal read at once: a long backlog is copied in steps, not read whole. */
const READ_BYTES = 4 * 1024 * 1024;

/** `<pid>-<random>-<generation>.jsonl`, optionally being recovered by another process. */
const JOURNAL_FILE = /^(\d+)-[0-9a-f]+-\d+\.jsonl(?:\.recovering-(\d+))?$/;

/** Journals open for appending in this process (a test may run several routers on one data folder). */
export const openHere = new Set<string>();

/** One journaled entry, and the journal's size just after its line. */
export interface Journaled {
  readonly entry: JournaledDraft;
  readonly end: number;
}

/** What a router's journal needs of whoever copies it into the chain: this process, or a child (CopierProcess). */
export interface Copier {
  /** Starts copying `journal` (a file of the journal folder) from its mark on. */
  follow(journal: string): Promise<void>;
  /** Resolves once `journal` is in the chain up to `position` (for readers of the trail). */
  copyTo(journal: string, position: number): Promise<void>;
  /** `journal` ends at `position`: copies the rest, then deletes the file and its mark. */
  retire(journal: string, position: number): Promise<void>;
  /** Stops copying (what is not copied stays in the files, for the next start). */
  close(): Promise<void>;
}

interface Followed {
  readonly fd: number;
  /** Bytes of the journal in the chain. */
  position: number;
  readonly waiters: { readonly position: number; resolve(): void; reject(error: unknown): void }[];
}

/**
 * Copies router journals into the hash chain: every SHIP_AFTER_MS it reads what each journal it
 * follows gained (whole lines only), and writes it in batches, each moving the journal's mark in
 * the same transaction (`AuditWriter.write`). It runs in the router's process, or in a process of
 * its own beside it (`journal-copier-main.ts`), so that the router's CPU and event loop are spent
 * on answers: a copy is a synchronous SQLite transaction of a few milliseconds.
 *
 * Reads the files, never the router's memory: either way the router only appends.
 */
export class JournalCopier implements Copier {
  private readonly followed = new Map<string, Followed>();
  /** Journals whose mark is being read: asks about them wait for it. */
  private readonly starting = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private copying: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly dir: string,
    private readonly writer: AuditWriter,
    /** Told after each batch: how far a journal is in the chain. */
    private readonly onCopied: (journal: string, position: number) => void = () => undefined,
  ) {}

  async follow(journal: string): Promise<void> {
    if (this.followed.has(journal)) return;
    const starting = this.starting.get(journal);
    if (starting) return starting;
    const start = (async () => {
      const position = await this.writer.markOf(journal);
      this.followed.set(journal, { fd: openSync(join(this.dir, journal), 'r'), position, waiters: [] });
      this.schedule(SHIP_AFTER_MS);
    })();
    this.starting.set(journal, start);
    try {
      await start;
    } finally {
      this.starting.delete(journal);
    }
  }

  copyTo(journal: string, position: number): Promise<void> {
    const starting = this.starting.get(journal);
    if (starting) return starting.then(() => this.copyTo(journal, position));
    const followed = this.followed.get(journal);
    if (!followed) return Promise.reject(new Error(`audit journal ${journal} is not followed`));
    if (followed.position >= position) return Promise.resolve();
    const done = new Promise<void>((resolve, reject) => followed.waiters.push({ position, resolve, reject }));
    this.schedule(0);
    return done;
  }

  retire(journal: string, position: number): Promise<void> {
    const starting = this.starting.get(journal);
    if (starting) return starting.then(() => this.retire(journal, position));
    const followed = this.followed.get(journal);
    if (!followed) return Promise.resolve();
    return this.copyTo(journal, position).then(() => this.forget(journal));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.copying?.catch(() => undefined);
    for (const [journal, followed] of this.followed) {
      closeSync(followed.fd);
      for (const w of followed.waiters)
        w.reject(new Error(`the audit copier closed before ${journal} was copied`));
    }
    this.followed.clear();
  }

  private async forget(journal: string): Promise<void> {
    const followed = this.followed.get(journal);
    if (!followed) return;
    this.followed.delete(journal);
    closeSync(followed.fd);
    unlinkSync(join(this.dir, journal));
    await this.writer.forget(journal);
  }

  private schedule(delay: number): void {
    if (this.closed) return;
    if (this.timer && delay > 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.copyAll();
    }, delay);
    this.timer.unref();
  }

  /** One copy at a time; after it, the next in SHIP_AFTER_MS (RETRY_MS after a failure). */
  private async copyAll(): Promise<void> {
    if (this.copying) {
      await this.copying.catch(() => undefined);
      return this.copyAll();
    }
    let failed = false;
    this.copying = (async () => {
      for (const [journal, followed] of this.followed) {
        try {
          await this.copyOne(journal, followed);
        } catch (error) {
          failed = true;
          console.error(
            `audit: copying ${journal} into the chain failed (${error instanceof Error ? error.message : String(error)}); retrying in ${RETRY_MS / 1000} s`,
          );
          for (const w of followed.waiters.splice(0)) w.reject(error);
        }
      }
    })();
    try {
      await this.copying;
    } finally {
      this.copying = undefined;
    }
    if (this.followed.size) this.schedule(failed ? RETRY_MS : SHIP_AFTER_MS);
  }

  /** What `journal` gained since its mark, into the chain. */
  private async copyOne(journal: string, followed: Followed): Promise<void> {
    for (;;) {
      const size = fstatSync(followed.fd).size;
      if (size <= followed.position) break;
      const length = Math.min(size - followed.position, READ_BYTES);
      const text = Buffer.allocUnsafe(length);
      const read = readSync(followed.fd, text, 0, length, followed.position);
      const entries = journaledAfter(text.subarray(0, read), 0, followed.position);
      if (!entries.length) break; // a line still being written: next time
      try {
        await copyInBatches(this.writer, journal, followed.position, entries, (position) => {
          followed.position = position;
          this.onCopied(journal, position);
        });
      } catch (error) {
        // Another process copied this journal meanwhile (a copier outliving its router): carry on from its mark.
        if (!(error instanceof StaleJournalMark)) throw error;
        followed.position = await this.writer.markOf(journal);
      }
    }
    const reached = followed.waiters.filter((w) => w.position <= followed.position);
    followed.waiters.splice(
      0,
      followed.waiters.length,
      ...followed.waiters.filter((w) => w.position > followed.position),
    );
    for (const w of reached) w.resolve();
  }
}

/** `entries` into the chain, SHIP_BATCH at a time, each batch moving the journal's mark from `from` past it. */
async function copyInBatches(
  writer: AuditWriter,
  journal: string,
  from: number,
  entries: readonly Journaled[],
  copied: (position: number) => void = () => undefined,
): Promise<void> {
  let at = from;
  for (let i = 0; i < entries.length; i += SHIP_BATCH) {
    const batch = entries.slice(i, i + SHIP_BATCH);
    const position = (batch[batch.length - 1] as Journaled).end;
    await writer.write(
      batch.map((j) => j.entry),
      { journal, from: at, position },
    );
    at = position;
    copied(position);
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

/**
 * The entries of a journal's text past `from` bytes (positions counted from `offset`, where
 * `text` begins in the file); a torn last line (never acknowledged) is left out.
 */
export function journaledAfter(text: Buffer, from: number, offset = 0): Journaled[] {
  const entries: Journaled[] = [];
  for (let start = 0, nl = text.indexOf(10); nl >= 0; start = nl + 1, nl = text.indexOf(10, start)) {
    if (offset + nl + 1 > from) {
      entries.push({
        entry: parseJournalLine(text.toString('utf8', start, nl)),
        end: offset + nl + 1,
      });
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
    const from = await writer.markOf(journal);
    const entries = journaledAfter(readFileSync(claimed), from);
    await copyInBatches(writer, journal, from, entries);
    unlinkSync(claimed);
    await writer.forget(journal);
    copied += entries.length;
  }
  return copied;
}
