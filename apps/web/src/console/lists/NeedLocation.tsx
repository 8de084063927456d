import type { ComponentChildren } from 'preact';
import { useConsole } from '../console-context';

/** The working lists are per location: until the desk has chosen one, say where to choose it. */
export function NeedLocation({ children }: { children: (locationId: string) => ComponentChildren }) {
  const { locationId, text } = useConsole();
  if (!locationId) return <p class="note">{text.needLocation}</p>;
  return <>{children(locationId)}</>;
}
