import { FirstView } from './first-view';

describe('FirstView', () => {
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('holds what can wait until the first view is done, then runs it; later requests run at once', async () => {
    const timers: (() => void)[] = [];
    const view = new FirstView((run) => timers.push(run));
    const ran: string[] = [];
    view.after(() => ran.push('zones'));
    await flush();
    expect(ran).toEqual([]);
    view.done();
    await flush();
    expect(ran).toEqual(['zones']);
    view.after(() => ran.push('later'));
    await flush();
    expect(ran).toEqual(['zones', 'later']);
  });

  it('lets the rest go after the longest wait, and nothing after a sign-out', async () => {
    let timer: () => void = () => undefined;
    const view = new FirstView((run) => (timer = run));
    const ran: string[] = [];
    view.after(() => ran.push('zones'));
    timer();
    await flush();
    expect(ran).toEqual(['zones']);

    const signedOut = new FirstView(() => undefined);
    signedOut.after(() => ran.push('never'));
    signedOut.dispose();
    await flush();
    expect(ran).toEqual(['zones']);
  });
});
