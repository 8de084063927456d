import type { ComponentChildren, InputHTMLAttributes } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiProblem, type Problem } from './api-client';
import type { CommonMessages } from './common-messages';
import { LanguageSwitch } from './language';
import { problemText } from './problem-text';

/** The first screen of a page load leaves the focus where the browser puts it: at the top, before the skip link. */
let firstScreenOfPageLoad = true;

/**
 * A screen's main heading. It names the tab and, when the app changes screens (a link, signing in), takes
 * the focus, so keyboard and screen-reader users land on the new content instead of on nothing.
 */
export function ScreenHeading({ children, documentTitle }: { children: ComponentChildren; documentTitle: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = documentTitle;
  }, [documentTitle]);
  useEffect(() => {
    if (firstScreenOfPageLoad) firstScreenOfPageLoad = false;
    else heading.current?.focus();
  }, []);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {children}
    </h1>
  );
}

/** A refusal from the API, read out at once. */
export function ProblemAlert({ problem, text }: { problem: Problem | null; text: CommonMessages }) {
  if (!problem) return null;
  return (
    <p class="problem" role="alert">
      {problemText(problem, text)}
    </p>
  );
}

/** A polite message after a successful action (screen readers read it without moving the focus). */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <p class="status" role="status">
      {message ?? ''}
    </p>
  );
}

export const problemOf = (error: unknown): Problem =>
  error instanceof ApiProblem ? error.problem : { type: '/problems/client-error', title: String(error), status: 0 };

export interface Loaded<T> {
  data: T | null;
  problem: Problem | null;
  loading: boolean;
  reload(): Promise<void>;
}

/** Loads data for a screen and reloads it on demand (after an action) or when `key` changes. */
export function useLoad<T>(load: () => Promise<T>, key: unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [loading, setLoading] = useState(true);
  // The caller's key, not the closure, says when to load again.
  const run = useCallback(load, key);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await run());
      setProblem(null);
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setLoading(false);
    }
  }, [run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, problem, loading, reload };
}

/** Runs a form's command once at a time: `busy` disables the button, a refusal becomes `problem`. */
export function useCommand() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const run = useCallback(async (command: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await command();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, problem, run, clear: () => setProblem(null) };
}

export function Loading({ loaded, text }: { loaded: Loaded<unknown>; text: CommonMessages }) {
  if (loaded.problem)
    return (
      <div>
        <ProblemAlert problem={loaded.problem} text={text} />
        <button type="button" onClick={() => void loaded.reload()}>
          {text.retry}
        </button>
      </div>
    );
  if (loaded.loading && loaded.data === null) return <p aria-live="polite">{text.loading}</p>;
  return null;
}

/**
 * A labelled one-line input. With a hint, the hint sits under it as `<id>-hint` and describes the input, so a
 * screen reader reads it with the label.
 */
export function TextField({
  id,
  label,
  hint,
  value,
  onValue,
  ...input
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onValue(value: string): void;
  name?: string;
  type?: 'text' | 'email' | 'password' | 'date';
  autocomplete?: string;
  inputMode?: 'numeric';
  required?: boolean;
  placeholder?: string;
  min?: string;
  'aria-invalid'?: boolean;
}) {
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  // preact types an input's attributes per literal `type`; this field's `type` is one of a few, so widen it.
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} {...(input as InputHTMLAttributes)} aria-describedby={hintId} value={value} onInput={(event) => onValue(event.currentTarget.value)} />
      {hint !== undefined && (
        <span id={hintId} class="hint">
          {hint}
        </span>
      )}
    </div>
  );
}

/** Every screen's header: the skip link, the app's name, the app's own controls, the language switch, and `end`. */
export function AppHeader({ text, children, end }: { text: CommonMessages & { appName: string }; children?: ComponentChildren; end?: ComponentChildren }) {
  return (
    <header class="app-header">
      <a class="skip-link" href="#main">
        {text.skipToContent}
      </a>
      <span class="app-name">{text.appName}</span>
      {children}
      <LanguageSwitch label={text.switchLanguage} />
      {end}
    </header>
  );
}
