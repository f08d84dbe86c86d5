/** React access to the session (lessons, saved work, share links, files): one per app. */
import { useEffect, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useLocale } from '../../i18n/useT';
import type { Session, SessionState } from '../../store/session';
import { createStoreContext } from '../storeContext';

const sessionContext = createStoreContext<Session>('Session');

/**
 * Provides the session, keeps its language in step with the interface, and writes any edit still
 * waiting for the autosave when the page is hidden or closed.
 */
export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  const [locale] = useLocale();
  useEffect(() => session.setLocale(locale), [session, locale]);
  useEffect(() => {
    const flush = () => void session.autosave.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [session]);
  return <sessionContext.Provider value={session}>{children}</sessionContext.Provider>;
}

/** The session when there is one (the canvas also renders without it, e.g. on the benchmark pages). */
export const useOptionalSession: () => Session | null = sessionContext.useOptional;

export const useSession: () => Session = sessionContext.useRequired;

/** Subscribe to one slice of the session state; the selector must return a stable value. */
export function useSessionState<T>(selector: (s: SessionState) => T): T {
  return useStore(useSession().state, selector);
}
