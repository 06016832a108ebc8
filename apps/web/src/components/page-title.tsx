import { Title, type TitleProps } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useNavigationType } from 'react-router';
import { useDocumentTitle } from '../lib/use-document-title';

/**
 * The page's single <h1>, also used as the tab title. After an in-app navigation (not on first load
 * or back/forward) it takes focus, so keyboard and screen-reader users land on the new content as
 * they would after a full page load.
 */
export function PageTitle({
  children,
  ...props
}: Omit<TitleProps, 'order' | 'children'> & { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const navigationType = useNavigationType();
  useDocumentTitle(children);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus once, when the page appears.
  useEffect(() => {
    if (navigationType !== 'POP') ref.current?.focus();
  }, []);
  return (
    <Title ref={ref} order={1} size="h2" tabIndex={-1} {...props}>
      {children}
    </Title>
  );
}
