// CodeMirror 6 with YAML highlighting, live validation against the library (the loader of `kefu check`)
// with error markers at line and column, and completion of schema keys and catalogue ids.
import { autocompletion, closeBrackets } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import {
  bracketMatching,
  defaultHighlightStyle,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { type Diagnostic, linter, lintGutter } from '@codemirror/lint';
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
  /** Problems of a text (the page computes them with the loader); drawn as lint markers. */
  check(text: string): EditorProblem[];
  keys: readonly string[];
  words: readonly { label: string; detail: string }[];
  label: string;
  /** Lint delay in ms (tests make it short). */
  delay?: number;
  /** Shown and validated but not editable (shipped products, phrases, lexicon, rubrics). Fixed per mount. */
  readOnly?: boolean;
}

export function YamlEditor({
  value,
  revision,
  onChange,
  check,
  keys,
  words,
  label,
  delay = 300,
  readOnly = false,
}: YamlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ onChange, check, keys, words });
  latest.current = { onChange, check, keys, words };

  // The editor is created once per mount; later values arrive through the effect below.
  // biome-ignore lint/correctness/useExhaustiveDependencies: created once per mount on purpose
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const complete = yamlCompletion(() => latest.current);
    const lint = linter(
      (v): Diagnostic[] => {
        const text = v.state.doc.toString();
        return latest.current.check(text).map((p) => ({
          ...rangeOf(text, p.line, p.col),
          severity: 'error',
          message: p.message,
        }));
      },
      { delay },
    );
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
        lint,
        autocompletion({ override: [complete] }),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorState.tabSize.of(2),
        EditorState.readOnly.of(readOnly),
        EditorView.editable.of(!readOnly),
        EditorView.contentAttributes.of({ 'aria-label': label }),
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

  return <div className="studio-editor" ref={host} />;
}
