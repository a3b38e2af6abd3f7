import { describe, expect, it } from 'vitest';
import { encodeHiddenSeries, formatHiddenSeries, parseHiddenSeries, toggleHidden } from './hiddenSeries';
import { decodePage } from './urlParams';

describe("hideSeries= (series hidden from the charts' legends)", () => {
  it('reads chart:key,key;chart:key, merging a chart given twice', () => {
    expect(parseHiddenSeries('loss:SST,MASST K=4;accuracy:Conventional;loss:untrained')).toEqual({
      hidden: { loss: ['MASST K=4', 'SST', 'untrained'], accuracy: ['Conventional'] },
      problems: [],
    });
    expect(parseHiddenSeries(null)).toEqual({ hidden: {}, problems: [] });
    expect(parseHiddenSeries('difference:SST − Conventional;').hidden).toEqual({ difference: ['SST − Conventional'] });
  });

  it('writes charts in page order and keys sorted, and reads back what it wrote, separators escaped', () => {
    const hidden = { roc: ['untrained'], loss: ['b,c', 'a;b', '50%'] };
    const text = formatHiddenSeries(hidden);
    expect(text).toBe('loss:50%25,a%3Bb,b%2Cc;roc:untrained');
    expect(parseHiddenSeries(text)).toEqual({
      hidden: { loss: ['50%', 'a;b', 'b,c'], roc: ['untrained'] },
      problems: [],
    });
    // Through the whole URL, as the page writes and reads its link.
    const params = new URLSearchParams();
    encodeHiddenSeries(params, hidden);
    expect(decodePage(new URLSearchParams(params.toString())).hiddenSeries).toEqual({
      loss: ['50%', 'a;b', 'b,c'],
      roc: ['untrained'],
    });
  });

  it('is left out of the link when nothing is hidden', () => {
    const params = new URLSearchParams();
    encodeHiddenSeries(params, {});
    expect(params.toString()).toBe('');
  });

  it.each([
    [
      'los:SST',
      '"los" is not a chart (the charts are loss, accuracy, difference, roc, etaLoss, etaGrad, beta, lipschitz, landscape, agents)',
    ],
    ['SST', '"SST" has no ":" between a chart and its series'],
    ['loss:', 'loss lists an empty series name'],
    ['loss:SST,,MASST K=4', 'loss lists an empty series name'],
    ['loss:100%', 'loss lists "100%" with a "%" that is not %25, %2C or %3B'],
    [`loss:${'x'.repeat(101)}`, 'loss lists a series name of 101 characters (at most 100)'],
  ])('refuses %s naming the parameter, the value and what is allowed', (text, fault) => {
    const [part] = text.split(';');
    expect(parseHiddenSeries(text)).toEqual({
      hidden: {},
      problems: [
        {
          param: 'hideSeries',
          value: text,
          message: `hideSeries = "${text}" is not allowed: ${fault}; expected chart:series,series;chart:series (a chart one of loss, accuracy, difference, roc, etaLoss, etaGrad, beta, lipschitz, landscape, agents); "${part ?? ''}" is ignored.`,
        },
      ],
    });
  });

  it("keeps the good parts of a value with a bad one, and reports it with the page's other problems", () => {
    const d = decodePage(new URLSearchParams('preset=smoke&hideSeries=loss:SST;nope:x;roc:untrained'));
    expect(d.hiddenSeries).toEqual({ loss: ['SST'], roc: ['untrained'] });
    expect(d.problems.map((p) => p.param)).toEqual(['hideSeries']);
    expect(d.problems[0]?.message).toContain('"nope" is not a chart');
  });

  it("toggles one key of one chart, leaving the other charts' lists as they were", () => {
    const start = parseHiddenSeries('loss:SST;roc:untrained').hidden;
    const on = toggleHidden(start, 'loss', 'Conventional');
    expect(on).toEqual({ loss: ['Conventional', 'SST'], roc: ['untrained'] });
    expect(on.roc).toBe(start.roc);
    const off = toggleHidden(toggleHidden(on, 'loss', 'Conventional'), 'loss', 'SST');
    expect(off).toEqual({ roc: ['untrained'] });
    expect(formatHiddenSeries(off)).toBe('roc:untrained');
  });
});
