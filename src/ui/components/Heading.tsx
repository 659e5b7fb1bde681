import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useServices } from '../context';
import { Words } from './Words';

interface Props {
  /** the page title in words (for document.title) */
  title: string;
  children?: ComponentChildren;
  /** move focus here when shown; by default only after a route change, not on the first page */
  focus?: boolean;
  id?: string;
}

/** The h1 of a screen: it takes the focus on each new screen, so screen readers start there. */
export function Heading({ title, children, focus, id }: Props) {
  const { router, i18n } = useServices();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus ?? router.changes.peek() > 0) ref.current?.focus();
  }, []);
  const appName = i18n.t('app.name');
  useEffect(() => {
    document.title = title === appName ? appName : `${title} – ${appName}`;
  }, [title, appName]);
  return (
    <h1 ref={ref} tabIndex={-1} id={id}>
      {children ?? <Words text={title} />}
    </h1>
  );
}
