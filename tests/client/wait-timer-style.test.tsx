// The waiting timer's amber stage (3–30 s) must read as amber at a glance and stay legible: a saturated
// amber chip (not a pale cream) with text at WCAG AA contrast. Checked against the real stylesheet.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WaitTimer } from '../../client/src/workbench/WaitTimer.tsx';
import { setup, T0 } from './harness.tsx';

let style: HTMLStyleElement;
beforeEach(() => {
  style = document.createElement('style');
  style.textContent = readFileSync(resolve('client/src/styles.css'), 'utf8');
  document.head.append(style);
});
afterEach(() => style.remove());

function rgb(css: string): [number, number, number] {
  const m = css.match(/rgba?\((\d+),\s*(\d+),\s*(\d+)/);
  if (!m) throw new Error(`not an rgb colour: ${css}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}
function luminance([r, g, b]: [number, number, number]): number {
  const f = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('waiting timer, amber stage', () => {
  it('is a clearly amber chip with AA-contrast text', async () => {
    const h = await setup();
    h.ticker.set(T0 + 10_000);
    h.render(<WaitTimer since={T0} benchmarks={{ firstResponseSeconds: 3, responseSeconds: 30 }} />);
    const chip = screen.getByText('10s');
    expect(chip.dataset.level).toBe('amber');
    const computed = getComputedStyle(chip);
    const background = rgb(computed.backgroundColor);
    const text = rgb(computed.color);
    expect(contrast(text, background)).toBeGreaterThanOrEqual(4.5);
    // Amber, not cream: red high, green in between, blue low — and strong enough to see at a glance.
    const [r, g, b] = background;
    expect(r).toBeGreaterThan(200);
    expect(g).toBeGreaterThan(120);
    expect(g).toBeLessThan(210);
    expect(r - b).toBeGreaterThan(150);
  });

  it("follows the benchmarks of the conversation's rubric, not fixed ones", async () => {
    const h = await setup();
    h.ticker.set(T0 + 10_000);
    h.render(<WaitTimer since={T0} benchmarks={{ firstResponseSeconds: 12, responseSeconds: 60 }} />);
    expect(screen.getByText('10s').dataset.level).toBe('ok');
    h.ticker.set(T0 + 12_001);
    expect((await screen.findByText('12s')).dataset.level).toBe('amber');
    h.ticker.set(T0 + 60_001);
    expect((await screen.findByText('1:00')).dataset.level).toBe('red');
  });
});
