/**
 * The scope of the glossary (src/ui/components/Glossary.tsx) on one screen: each term is glossed once
 * inside it. Apart from the glossary itself, which only the screens after the start screen use.
 */
import { type ComponentChildren, createContext } from 'preact';
import { useMemo } from 'preact/hooks';

/** Which text part on this screen glosses each term (the first to ask for it). */
export type GlossaryScope = Map<string, string>;
export const GlossaryScopeContext = createContext<GlossaryScope | null>(null);

/** One screen (its route, with the right or question it shows): each term is glossed once inside it. */
export function GlossaryScreen({ screen, children }: { screen: string; children: ComponentChildren }) {
  const scope = useMemo<GlossaryScope>(() => new Map(), [screen]);
  return <GlossaryScopeContext.Provider value={scope}>{children}</GlossaryScopeContext.Provider>;
}
