import { describe, expect, it } from 'vitest';
import { applyOverride, leafPaths } from './configOverride';
import { presetConfig } from './presets';

describe('config overrides (field=value)', () => {
  it('sets a value of the type the preset holds, on a copy', () => {
    const base = presetConfig('demo');
    const next = applyOverride(
      applyOverride(applyOverride(base, 'data.imageSize=16'), 'optim.milestones=0.5,0.9'),
      'analysis.slice2d=true',
    );
    expect(next.data.imageSize).toBe(16);
    expect(next.optim.milestones).toEqual([0.5, 0.9]);
    expect(next.analysis.slice2d).toBe(true);
    expect(base.data.imageSize).toBe(24);
    expect(applyOverride(base, 'masst.agentUpdate=all').masst.agentUpdate).toBe('all');
  });

  it('names the field, the value and what is allowed', () => {
    const base = presetConfig('demo');
    expect(() => applyOverride(base, 'data.imageSize=big')).toThrow(
      'override data.imageSize = "big" is not allowed: expected a finite number',
    );
    expect(() => applyOverride(base, 'analysis.slice2d=yes')).toThrow('expected true or false');
    expect(() => applyOverride(base, 'data.imagesize=16')).toThrow(
      /override field "data.imagesize" is not allowed: expected one of .*data\.imageSize/,
    );
    expect(() => applyOverride(base, 'imageSize')).toThrow('expected field=value');
    // The field table knows the URL's names and the form's labels: a path given as one is pointed at the field.
    expect(() => applyOverride(base, 'queue=16')).toThrow(
      /expected one of .* \(queue is the URL's name of gallery\.queueSize\)$/,
    );
    expect(() => applyOverride(base, 'Queue size=16')).toThrow(
      /\("Queue size" is the page's label of gallery\.queueSize\)$/,
    );
    for (const field of ['__proto__.x', 'constructor.prototype.x', 'data.__proto__']) {
      expect(() => applyOverride(base, `${field}=1`)).toThrow(
        new RegExp(
          `^override field "${field.replace(/\./g, '\\.')}" is not allowed: "(__proto__|constructor)" is a forbidden key`,
        ),
      );
    }
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('lists only leaves, not objects or the runs', () => {
    const paths = leafPaths(presetConfig('smoke'));
    expect(paths.get('gallery.alpha')).toBe('number');
    expect(paths.has('gallery')).toBe(false);
    expect(paths.has('runs')).toBe(false);
  });
});
