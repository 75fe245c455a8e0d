// A buyer writing flashes the title (and rings, where there is audio: jsdom has none, which must not throw).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAlerts } from '../../client/src/workbench/alerts.ts';

beforeEach(() => {
  vi.useFakeTimers();
  document.title = '客服实训';
});

afterEach(() => {
  vi.useRealTimers();
});

describe('alerts', () => {
  it('flashes the title until the student looks at the page', () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    const alerts = createAlerts(document);
    alerts.buyerWrote('【新消息】阿May');
    expect(document.title).toBe('【新消息】阿May');
    vi.advanceTimersByTime(1_000);
    expect(document.title).toBe('客服实训');
    vi.advanceTimersByTime(1_000);
    expect(document.title).toBe('【新消息】阿May');
    // Still flashing long after, while nobody looks.
    vi.advanceTimersByTime(10_000);
    window.dispatchEvent(new Event('focus'));
    expect(document.title).toBe('客服实训');
    vi.advanceTimersByTime(3_000);
    expect(document.title).toBe('客服实训');
    alerts.dispose();
  });

  it('flashes only briefly when the page already has focus, and a second buyer replaces the first', () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    const alerts = createAlerts(document);
    alerts.buyerWrote('【新消息】阿May');
    alerts.buyerWrote('【新消息】Coco');
    expect(document.title).toBe('【新消息】Coco');
    vi.advanceTimersByTime(3_000);
    expect(document.title).toBe('客服实训');
    alerts.dispose();
  });
});
