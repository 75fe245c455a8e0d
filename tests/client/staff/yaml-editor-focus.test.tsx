// The studio's YAML editor is reachable with the keyboard whether its file may be edited or only read: its
// text is in the tab order with tabindex 0 (axe-core counts no contenteditable as focusable, and a read-only
// CodeMirror is not contenteditable at all), so its scrolling box is never a region a keyboard cannot scroll.
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { YamlEditor } from '../../../client/src/staff/studio/YamlEditor.tsx';

function editorText(readOnly: boolean): HTMLElement {
  const { container } = render(
    <YamlEditor
      value={'id: x\ntitle: 试试\n'}
      revision={0}
      onChange={() => undefined}
      problems={null}
      keys={[]}
      words={[]}
      label="YAML 编辑器"
      readOnly={readOnly}
    />,
  );
  const content = container.querySelector<HTMLElement>('.cm-content');
  if (!content) throw new Error('no editor');
  return content;
}

describe('the YAML editor and the keyboard', () => {
  it('a read-only file takes focus from Tab', () => {
    const text = editorText(true);
    expect(text.getAttribute('contenteditable')).toBe('false');
    expect(text.getAttribute('tabindex')).toBe('0');
    expect(text.getAttribute('aria-label')).toBe('YAML 编辑器');
    text.focus();
    expect(document.activeElement).toBe(text);
  });

  it('an editable file too', () => {
    const text = editorText(false);
    expect(text.getAttribute('contenteditable')).toBe('true');
    expect(text.getAttribute('tabindex')).toBe('0');
  });
});
