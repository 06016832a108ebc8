import { Button, Center, Code, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Last resort when a page crashes while rendering: say so plainly and offer a reload. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : undefined;
  return (
    <Center mih="80vh" p="md" component="main" id="main-content" tabIndex={-1}>
      <Stack align="center" maw={560} ta="center" role="alert">
        <Title order={1} size="h2">
          {t('crash.title')}
        </Title>
        <Text>{t('crash.text')}</Text>
        {detail && <Code block>{detail}</Code>}
        <Button onClick={() => window.location.reload()}>{t('crash.reload')}</Button>
      </Stack>
    </Center>
  );
}
