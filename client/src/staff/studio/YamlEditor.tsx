// CodeMirror 6 with YAML highlighting, error markers at line and column (the page validates the text
// against the library with the loader of `kefu check`, debounced, and hands the problems in), and
// completion of schema keys and catalogue ids.
import { autocompletion, closeBrackets } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import {
  bracketMatching,
  defaultHighlightStyle,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { type Diagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { yamlCompletion } from './completion.ts';
import { rangeOf } from './validate.ts';

export interface EditorProblem {
  line: number;
  col: number;
  message: string;
}

export interface YamlEditorProps {
  /** The text the editor starts with; a new value (e.g. another file opened) replaces the document. */
  value: string;
  /** Bumped by the parent to force `value` in even when it did not change (reopen the same file). */
  revision: number;
  onChange(text: string): void;
  /** The problems of `text` (validated by the page); drawn as markers while the editor shows that text. */
  problems: { text: string; errors: readonly EditorProblem[] } | null;
  keys: readonly string[];
  words: readonly { label: string; detail: string }[];
  label: string;
  /** Shown and validated but not editable (shipped products, phrases, lexicon, rubrics). Fixed per mount. */
  readOnly?: boolean;
}

export function YamlEditor({
  value,
  revision,
  onChange,
  problems,
  keys,
  words,
  label,
  readOnly = false,
}: YamlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ onChange, keys, words });
  latest.current = { onChange, keys, words };

  // The editor is created once per mount; later values arrive through the effect below.
  // biome-ignore lint/correctness/useExhaustiveDependencies: created once per mount on purpose
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const complete = yamlCompletion(() => latest.current);
    const state = EditorState.create({
      doc: value,
      extensions: [
        lineNumbers(),
        history(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        yaml(),
        lintGutter(),
        autocompletion({ override: [complete] }),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorState.tabSize.of(2),
        EditorState.readOnly.of(readOnly),
        EditorView.editable.of(!readOnly),
        // The text is in the tab order even when read-only (the arrow keys then scroll it), and says so with
        // tabindex: checkers such as axe do not count contenteditable as focusable.
        EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) latest.current.onChange(u.state.doc.toString());
        }),
      ],
    });
    view.current = new EditorView({ state, parent: el });
    return () => {
      view.current?.destroy();
      view.current = null;
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `revision` forces a reload of the same text
  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const current = v.state.doc.toString();
    if (current !== value) v.dispatch({ changes: { from: 0, to: current.length, insert: value } });
  }, [value, revision]);

  // Problems found for an older text would point at the wrong places: they wait for the check of this one
  // (meanwhile the markers already drawn move with the edits).
  useEffect(() => {
    const v = view.current;
    if (!v || !problems || v.state.doc.toString() !== problems.text) return;
    const diagnostics: Diagnostic[] = problems.errors.map((p) => ({
      ...rangeOf(problems.text, p.line, p.col),
      severity: 'error',
      message: p.message,
    }));
    v.dispatch(setDiagnostics(v.state, diagnostics));
  }, [problems]);

  return <div className="studio-editor" ref={host} />;
}
