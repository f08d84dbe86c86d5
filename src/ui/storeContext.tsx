/**
 * One way to hand a store (or the session) to React: a context with its provider, a hook that
 * requires it and one that tolerates its absence (parts of the UI also render in tests and on the
 * benchmark pages without every store).
 */
import { createContext, useContext, type ReactNode } from 'react';

export interface StoreContext<S> {
  Provider: (props: { value: S; children: ReactNode }) => ReactNode;
  /** The value; throws when rendered outside the provider (a wiring bug, not a user error). */
  useRequired: () => S;
  useOptional: () => S | null;
}

export function createStoreContext<S>(name: string): StoreContext<S> {
  const Context = createContext<S | null>(null);
  Context.displayName = name;
  return {
    Provider: ({ value, children }) => <Context.Provider value={value}>{children}</Context.Provider>,
    useRequired: function useRequired() {
      const value = useContext(Context);
      if (value === null) throw new Error(`${name} used outside its provider`);
      return value;
    },
    useOptional: function useOptional() {
      return useContext(Context);
    },
  };
}
