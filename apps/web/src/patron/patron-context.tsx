import { createContext, type ComponentChildren } from 'preact';
import { useContext, useState } from 'preact/hooks';
import type { ApiClient } from '../shared/api-client';
import type { Lang } from '../shared/dates';
import { useLanguage, useMessages } from '../shared/language';
import { useLoad, type Loaded } from '../shared/ui';
import { patronMessages, type PatronMessages } from './messages';

export interface Profile {
  cardNumber: string;
  name: string;
  cardExpiresOn: string;
  email: string | null;
  activeHolds: number;
}

/** What every patron screen needs: the API, the words, the patron, and the position of their last change. */
export interface PatronContextValue {
  api: ApiClient;
  text: PatronMessages;
  lang: Lang;
  profile: Loaded<Profile>;
  /** X-Event-Position of the patron's last command: lists read after it include it (read your writes). */
  lastPosition: string | null;
  changed(position: string | null): void;
  /** `?after=…` for list reads. */
  afterQuery: string;
}

const PatronContext = createContext<PatronContextValue | null>(null);

export function PatronProvider({ api, children }: { api: ApiClient; children: ComponentChildren }) {
  const text = useMessages(patronMessages);
  const { lang } = useLanguage();
  const profile = useLoad(() => api.get<Profile>('/me'), [api]);
  const [lastPosition, setLastPosition] = useState<string | null>(null);
  const value: PatronContextValue = {
    api,
    text,
    lang,
    profile,
    lastPosition,
    changed: (position) => {
      if (position) setLastPosition(position);
      void profile.reload();
    },
    afterQuery: lastPosition ? `?after=${encodeURIComponent(lastPosition)}` : '',
  };
  return <PatronContext.Provider value={value}>{children}</PatronContext.Provider>;
}

export function usePatron(): PatronContextValue {
  const value = useContext(PatronContext);
  if (!value) throw new Error('usePatron outside PatronProvider');
  return value;
}
