import { AsyncLocalStorage } from 'node:async_hooks';
import { serve } from '../http/serve';
import { asyncContextsEnabled, releaseAsyncContexts, trackAsyncContexts } from './async-context';
import { prepareTestSubgraph } from '../testing/subgraph-harness';
import { ROUTER_SUBGRAPH } from '../../subgraphs';
import { Purpose } from '../../subgraphs/platform/entities/purpose.entity';

describe('async context release', () => {
  beforeAll(() => trackAsyncContexts());

  it('notes a storage as it is used, and release switches it off until its next run', async () => {
    const storage = new AsyncLocalStorage<string>();
    releaseAsyncContexts();
    expect(asyncContextsEnabled()).toBe(false);
    const seen = await storage.run('inside', async () => {
      await Promise.resolve();
      return storage.getStore();
    });
    expect(seen).toBe('inside');
    expect(asyncContextsEnabled()).toBe(true);
    releaseAsyncContexts();
    expect(asyncContextsEnabled()).toBe(false);
    // Disabled, not broken: the next run enables it again and the store follows awaits.
    expect(
      await storage.run('again', async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        return storage.getStore();
      }),
    ).toBe('again');
    expect(asyncContextsEnabled()).toBe(true);
  });

  it('catches the storages MikroORM runs a flush in, and the ORM works on after a release', async () => {
    const platform = await prepareTestSubgraph(ROUTER_SUBGRAPH);
    try {
      releaseAsyncContexts();
      const em = platform.orm.em.fork();
      em.create(Purpose, {
        code: 'ASYNC_TEST',
        name: 'اختبار',
        nameEn: 'Async test',
        legalBasis: 'اختبار',
        legalBasisEn: 'test',
      });
      await em.flush();
      expect(asyncContextsEnabled()).toBe(true);
      releaseAsyncContexts();
      const again = platform.orm.em.fork();
      const found = await again.findOneOrFail(Purpose, { code: 'ASYNC_TEST' });
      found.nameEn = 'updated';
      await again.flush();
      expect((await platform.orm.em.fork().findOneOrFail(Purpose, { code: 'ASYNC_TEST' })).nameEn).toBe(
        'updated',
      );
    } finally {
      await platform.close();
    }
  });

  it('is released by serve once no request is in flight', async () => {
    const storage = new AsyncLocalStorage<number>();
    const listening = await serve(
      {
        '/work': async (_req, res) => {
          await storage.run(1, async () => {
            await Promise.resolve();
            res.end(String(storage.getStore()));
          });
        },
      },
      0,
      '127.0.0.1',
    );
    try {
      const answer = await fetch(`${listening.url}/work`);
      expect(await answer.text()).toBe('1');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(asyncContextsEnabled()).toBe(false);
    } finally {
      await listening.close();
    }
  });
});
