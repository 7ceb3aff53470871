import { openDriver } from '../../../kit/orm/open-driver';
import { AuditWriter } from './audit-writer';
import type { CopierReply, CopierRequest, CopierSetup } from './copier-process';
import { JournalCopier, recoverJournals } from './journal-copier';

/**
 * The audit copier process (`CopierProcess`): copies its router's journal into the chain. It
 * exits as soon as its router is gone: a journal whose router died is the next start's to recover.
 * It opens the router's database, which the router has already migrated.
 */
async function main() {
  const setup = JSON.parse(process.env.UR_AUDIT_COPIER ?? '') as CopierSetup;
  const send = (reply: CopierReply) => process.send?.(reply);
  process.on('disconnect', () => process.exit(0));
  // The database's driver alone: this process loads no ORM (see openDriver).
  const driver = await openDriver(setup.database);
  const writer = new AuditWriter(driver);
  await recoverJournals(setup.dir, writer);
  const copier = new JournalCopier(setup.dir, writer, (journal, position) =>
    send({ t: 'copied', journal, position }),
  );
  process.on('message', (request: CopierRequest) => {
    if (request.t === 'close') {
      void copier
        .close()
        .then(() => driver.close())
        .finally(() => process.exit(0));
      return;
    }
    const work =
      request.t === 'follow'
        ? copier.follow(request.journal)
        : request.t === 'copyTo'
          ? copier.copyTo(request.journal, request.position)
          : copier.retire(request.journal, request.position);
    work.then(
      () => request.id && send({ t: 'done', id: request.id }),
      (error: unknown) =>
        request.id &&
        send({
          t: 'failed',
          id: request.id,
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  });
  send({ t: 'ready' });
}

main().catch((error: unknown) => {
  console.error('audit copier failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
