import { describe, expect, it } from 'vitest';
import { whenNeeded, type Openable } from './section-loader.ts';

class FakeSection extends EventTarget implements Openable {
  open = false;
  toggle(open: boolean): void {
    this.open = open;
    this.dispatchEvent(new Event('toggle'));
  }
}

const never = new Promise<void>(() => {});
const settled = async (p: Promise<void>): Promise<boolean> => {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((r) => setTimeout(r, 0));
  return done;
};

describe('whenNeeded: a panel loads when its section opens or the first view is complete', () => {
  it('waits while every section stays closed and the first view is not complete', async () => {
    const s = new FakeSection();
    const p = whenNeeded([s], never);
    s.toggle(false);
    expect(await settled(p)).toBe(false);
  });

  it('loads when one of its sections is opened', async () => {
    const [a, b] = [new FakeSection(), new FakeSection()];
    const p = whenNeeded([a, b], never);
    b.toggle(true);
    expect(await settled(p)).toBe(true);
  });

  it('loads at once when a section is already open', async () => {
    const s = new FakeSection();
    s.open = true;
    expect(await settled(whenNeeded([s], never))).toBe(true);
  });

  it('loads once the first view is complete, also when it failed', async () => {
    expect(await settled(whenNeeded([new FakeSection()], Promise.resolve()))).toBe(true);
    expect(await settled(whenNeeded([new FakeSection()], Promise.reject(new Error('x'))))).toBe(true);
  });
});
