import { describe, expect, it } from 'vitest';
import { encodePageParams } from './seeds';
import { decodeTeacher, HIDE_NAMES } from './teacher';
import { decodePage } from './urlParams';

const page = (q: string) => decodePage(new URLSearchParams(q));

describe('teacher mode in the URL', () => {
  it('reads hide= as the panels it names, in page order, without repeats', () => {
    const d = page('preset=smoke&hide=landscape,form,smoothness,form');
    expect(d.page.teacher).toEqual({ hide: ['form', 'smoothness', 'landscape'], lock: false });
    expect(d.problems).toEqual([]);
    expect(page('hide=').page.teacher.hide).toEqual([]);
    expect(page('').page.teacher).toEqual({ hide: [], lock: false });
  });

  it('hides the import section apart from the downloads, after them in page order', () => {
    expect(page('hide=import').page.teacher.hide).toEqual(['import']);
    expect(page('hide=import,export').page.teacher.hide).toEqual(['export', 'import']);
  });

  it('names an unknown panel and what is allowed, and hides the others', () => {
    const d = page('hide=loss,charts');
    expect(d.page.teacher.hide).toEqual(['loss']);
    expect(d.problems).toHaveLength(1);
    expect(d.problems[0]?.param).toBe('hide');
    expect(d.problems[0]?.message).toBe(
      `hide = "loss,charts": "charts" is not a panel or control and is ignored; the names are ${HIDE_NAMES.join(', ')}.`,
    );
    expect(decodeTeacher(new URLSearchParams('hide=a,b')).problems[0]?.message).toContain(
      '"a", "b" are not panels or controls and are ignored',
    );
  });

  it('reads lock=1 as read-only, lock=0 as not, anything else with a notice', () => {
    expect(page('lock=1').page.teacher.lock).toBe(true);
    expect(page('lock=0').page.teacher.lock).toBe(false);
    const bad = page('lock=yes');
    expect(bad.page.teacher.lock).toBe(false);
    expect(bad.problems[0]?.message).toBe(
      'lock = "yes" is not allowed: expected 1 (the configuration read-only) or 0; not locked.',
    );
    // A repeated lock is named by the URL check; the first is used.
    expect(page('lock=1&lock=0').problems.map((p) => p.param)).toEqual(['lock']);
  });

  it('writes hide and lock back, and they read back the same', () => {
    const params = new URLSearchParams();
    encodePageParams(params, 'smoke', 1, [1], null, { hide: ['dataset', 'form'], lock: true });
    expect(params.toString()).toBe('hide=form%2Cdataset&lock=1');
    expect(page(params.toString()).page.teacher).toEqual({ hide: ['form', 'dataset'], lock: true });
    const none = new URLSearchParams();
    encodePageParams(none, 'smoke', 1, [1], null);
    expect(none.toString()).toBe('');
  });
});
