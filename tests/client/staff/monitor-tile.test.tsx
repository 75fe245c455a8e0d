// A monitor tile: the longest current wait coloured at 3 s / 30 s, running averages against the benchmarks,
// violations so far, and a loud alert for a buyer about to leave.
import type { StudentMonitor } from '@kefu/shared/protocol';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { StudentTile } from '../../../client/src/staff/monitor/Monitor.tsx';
import '../../../client/src/staff/i18n/index.ts';
import { setup, T0 } from '../harness.tsx';

function student(waitingSince: number | null, overrides: Partial<StudentMonitor> = {}): StudentMonitor {
  return {
    studentId: 's1',
    displayName: '张三',
    joined: true,
    open:
      waitingSince === null
        ? []
        : [
            {
              conversationId: 'c1',
              buyerName: '小鹿不吃草',
              scenarioId: 'jacket-colour-size',
              waitingSince,
              firstTurn: false,
              // A patience of 90 s from the buyer's line: warned after 60 s.
              warnAt: waitingSince + 60_000,
              leavesAt: waitingSince + 90_000,
            },
          ],
    longestWaitSince: waitingSince,
    handled: 2,
    averageResponseSeconds: 12.5,
    firstResponseSeconds: 4,
    alerts: [],
    ...overrides,
  };
}

describe('StudentTile', () => {
  it.each([
    [2_000, 'ok', '2 s'],
    [12_000, 'amber', '12 s'],
    [31_000, 'red', '31 s'],
  ])('a wait of %i ms is %s', async (ms, tone, shown) => {
    const { render } = await setup();
    const { container } = render(
      <StudentTile student={student(T0 - ms)} now={T0} selected={false} onSelect={() => undefined} />,
    );
    const wait = container.querySelector('.tile-wait')!;
    expect(wait.getAttribute('data-tone')).toBe(tone);
    expect(wait.querySelector('b')?.textContent).toBe(shown);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the running averages against the benchmarks and the violations so far', async () => {
    const { render } = await setup();
    render(
      <StudentTile
        student={student(null, { alerts: [{ kind: 'slow-response', conversationId: 'c1', at: T0 - 5_000 }] })}
        now={T0}
        selected={false}
        onSelect={() => undefined}
      />,
    );
    expect(screen.getByText(/平均响应 12.5 s/).className).toBe('good');
    expect(screen.getByText(/平均首响 4 s/).className).toBe('bad');
    expect(screen.getByText('违规 1').className).toBe('bad');
    expect(screen.getByText('回复超时')).toBeTruthy();
    expect(screen.getByText('—')).toBeTruthy();
  });

  it('alerts when a buyer has waited a minute and is about to leave; a click selects the student', async () => {
    const { render, user } = await setup();
    const onSelect = vi.fn();
    render(<StudentTile student={student(T0 - 65_000)} now={T0} selected={false} onSelect={onSelect} />);
    expect(screen.getByRole('alert').textContent).toBe('小鹿不吃草 已等待 65 秒，即将流失！');
    await user.click(screen.getByRole('button', { name: '查看 张三 的对话' }));
    expect(onSelect).toHaveBeenCalled();
  });

  it("the tile's button shows the words of its name (label in name), and the figures are not inside it", async () => {
    const { render } = await setup();
    render(
      <StudentTile student={student(T0 - 65_000)} now={T0} selected={false} onSelect={() => undefined} />,
    );
    const button = screen.getByRole('button', { name: '查看 张三 的对话' });
    expect(button.textContent).toBe('张三');
    // An alert inside a button is read as the button's name; it stands beside it in the tile.
    expect(button.contains(screen.getByRole('alert'))).toBe(false);
    expect(button.closest('li')?.contains(screen.getByRole('alert'))).toBe(true);
  });

  it("colours waits and averages by the class rubric and warns by the scenario's patience", async () => {
    const { render } = await setup();
    const impatient = student(T0 - 25_000, { averageResponseSeconds: 40, firstResponseSeconds: 8 });
    // A buyer with 30 s of patience is warned about after 20 s, not after a fixed minute.
    impatient.open[0]!.warnAt = T0 - 5_000;
    impatient.open[0]!.leavesAt = T0 + 5_000;
    const { container } = render(
      <StudentTile
        student={impatient}
        now={T0}
        benchmarks={{ firstResponseSeconds: 10, responseSeconds: 45 }}
        selected={false}
        onSelect={() => undefined}
      />,
    );
    expect(container.querySelector('.tile-wait')!.getAttribute('data-tone')).toBe('amber');
    expect(screen.getByText(/平均响应 40 s/).className).toBe('good');
    expect(screen.getByText(/平均首响 8 s/).className).toBe('good');
    expect(screen.getByRole('alert').textContent).toBe('小鹿不吃草 已等待 25 秒，即将流失！');
  });

  it('counts every violation by kind, none dropped', async () => {
    const { render } = await setup();
    const alerts = Array.from({ length: 25 }, (_, i) => ({
      kind: i % 5 === 0 ? ('question-evaded' as const) : ('slow-response' as const),
      conversationId: `c${i}`,
      at: T0 - i * 1_000,
    }));
    render(
      <StudentTile
        student={student(null, { alerts })}
        now={T0}
        selected={false}
        onSelect={() => undefined}
      />,
    );
    expect(screen.getByText('违规 25')).toBeTruthy();
    expect(screen.getByText('回避问题 ×5')).toBeTruthy();
    expect(screen.getByText('回复超时 ×20')).toBeTruthy();
  });
});
