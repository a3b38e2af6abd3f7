import { describe, expect, it } from 'vitest';
import { malformedEscape, readQuery } from './pageQuery';
import { decodePage } from './urlParams';

/** What the page shows and uses for a query: readQuery, then decodePage on what it kept. */
function page(search: string) {
  const q = readQuery(search);
  const d = decodePage(q.params);
  return { ...q, decoded: d, all: [...q.problems, ...d.problems].map((p) => p.message) };
}

describe('a query with a malformed percent escape', () => {
  it('steps=% : names steps, its raw value and the escape; the rest of the URL applies', () => {
    const p = page('?preset=smoke&steps=%&seed=5');
    expect(p.problems).toEqual([
      {
        param: 'steps',
        value: '%',
        message:
          'steps = "%" has a malformed percent escape: "%" is not "%" and two hex digits; steps is ignored and its default is used.',
      },
    ]);
    expect(p.decoded.url.preset).toBe('smoke');
    expect(p.decoded.url.config.seed).toBe(5);
    expect(p.decoded.url.config.steps).toBe(decodePage(new URLSearchParams('preset=smoke')).url.config.steps);
    expect(p.cleaned).toBe('preset=smoke&seed=5');
    // Nothing of the page's own decoding throws or reports the dropped pair again.
    expect(p.all).toHaveLength(1);
  });

  it('hide=% : the hide list is ignored, named', () => {
    const p = page('hide=%&lock=1');
    expect(p.problems.map((x) => [x.param, x.value])).toEqual([['hide', '%']]);
    expect(p.problems[0]?.message).toMatch(
      /^hide = "%" has a malformed percent escape: "%" is not "%" and two hex digits; hide is ignored/,
    );
    expect(p.decoded.page.teacher).toEqual({ hide: [], lock: true });
    expect(p.cleaned).toBe('lock=1');
  });

  it('%E0%A4%A : a UTF-8 character cut short, in a name without a value', () => {
    const p = page('%E0%A4%A&seed=7');
    expect(p.problems).toEqual([
      {
        param: '%E0%A4%A',
        value: '',
        message:
          'name "%E0%A4%A" (= "") has a malformed percent escape: the escapes "%E0%A4" are not UTF-8 (a character cut short or a stray byte); the parameter is ignored.',
      },
    ]);
    expect(p.decoded.url.config.seed).toBe(7);
    expect(p.cleaned).toBe('seed=7');
  });

  it('%ZZ=1 : a name whose escape is not hex', () => {
    const p = page('?%ZZ=1');
    expect(p.problems).toEqual([
      {
        param: '%ZZ',
        value: '1',
        message:
          'name "%ZZ" (= "1") has a malformed percent escape: "%ZZ" is not "%" and two hex digits; the parameter is ignored.',
      },
    ]);
    expect(p.decoded.problems).toEqual([]);
    expect(p.cleaned).toBe('');
  });

  it('every such query is one the browser decodeURIComponent (as tfjs-core does) threw on', () => {
    for (const q of ['steps=%', 'hide=%', '%E0%A4%A', '%ZZ=1']) {
      expect(() => q.split('&').forEach((pair) => pair.split('=').forEach((s) => decodeURIComponent(s)))).toThrow(
        URIError,
      );
      expect(readQuery(q).problems).toHaveLength(1);
    }
  });

  it('decodes well-formed pairs as URLSearchParams does and leaves the address alone', () => {
    const q = readQuery('?hide=loss%2Croc&lr=0.05&x=a+b&seeds=1,2&flag');
    expect([...q.params]).toEqual([...new URLSearchParams('hide=loss%2Croc&lr=0.05&x=a+b&seeds=1,2&flag')]);
    expect(q.problems).toEqual([]);
    expect(q.cleaned).toBeNull();
    expect(readQuery('').cleaned).toBeNull();
  });

  it('cuts a long raw value in its message', () => {
    const long = `${'a'.repeat(500)}%`;
    const [p] = readQuery(`steps=${long}`).problems;
    expect(p?.value).toBe(long);
    expect(p?.message).toContain(`"${'a'.repeat(120)}…"`);
    expect(p?.message.length).toBeLessThan(300);
  });

  it('finds the first malformed escape', () => {
    expect(malformedEscape('ok%20fine%C3%A9')).toBeNull();
    expect(malformedEscape('50%')).toBe('"%" is not "%" and two hex digits');
    expect(malformedEscape('%C3')).toBe('the escapes "%C3" are not UTF-8 (a character cut short or a stray byte)');
    expect(malformedEscape('%20%G1')).toBe('"%G1" is not "%" and two hex digits');
  });
});
