import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { WeightFields } from '../../../client/src/staff/WeightFields.tsx';

const KEYS = ['system', 'teacher'] as const;

function Harness() {
  const [values, setValues] = useState<Record<(typeof KEYS)[number], string>>({
    system: '60',
    teacher: '20',
  });
  return (
    <WeightFields
      keys={KEYS}
      values={values}
      label={(k) => (k === 'system' ? '系统分' : '讲师')}
      onChange={(k, value) => setValues((v) => ({ ...v, [k]: value }))}
    />
  );
}

const shareOf = (label: string) => screen.getByLabelText(label).nextElementSibling?.textContent;

describe('WeightFields', () => {
  it('shows each weight as its share of the total and follows edits', () => {
    render(<Harness />);
    expect(shareOf('系统分')).toBe('75%');
    expect(shareOf('讲师')).toBe('25%');
    fireEvent.change(screen.getByLabelText('讲师'), { target: { value: '60' } });
    expect(shareOf('系统分')).toBe('50%');
    expect(shareOf('讲师')).toBe('50%');
  });

  it('shows no share while nothing has weight', () => {
    render(<Harness />);
    fireEvent.change(screen.getByLabelText('系统分'), { target: { value: '0' } });
    fireEvent.change(screen.getByLabelText('讲师'), { target: { value: '' } });
    expect(shareOf('系统分')).toBe('—');
  });
});
