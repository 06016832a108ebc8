import type { ZoneEventView } from '@heza/shared/registry';
import { Badge, Box, Button, Group, Stack, Text } from '@mantine/core';
import { IconBan } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '../../../lib/format-number';
import { decisionText, sortEvents } from '../form-inputs';
import { NO_STATUS_HEX, ZONE_STATUS_COLORS } from '../zone-colors';
import { DemoBadge } from './badges';

/**
 * The lifecycle as an ordered list, oldest first: date, status, deciding document, note. A voided event stays,
 * struck through, with who-knows-why in words.
 */
export function ZoneTimeline({
  events,
  canVoid,
  onVoid,
}: {
  events: ZoneEventView[];
  canVoid: boolean;
  onVoid: (event: ZoneEventView) => void;
}) {
  const { t } = useTranslation();
  const sorted = sortEvents(events);
  if (sorted.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('registry.timeline.empty')}
      </Text>
    );
  return (
    <Box component="ol" aria-label={t('registry.timeline.label')} m={0} p={0} style={{ listStyle: 'none' }}>
      {sorted.map((event, index) => {
        const voided = !!event.voidedAt;
        const color = voided ? NO_STATUS_HEX : (ZONE_STATUS_COLORS[event.status]?.hex ?? NO_STATUS_HEX);
        const decision = decisionText(event, t);
        const last = index === sorted.length - 1;
        return (
          <Box component="li" key={event.id} pos="relative" pl={28} pb={last ? 0 : 'md'}>
            <Box
              aria-hidden
              pos="absolute"
              left={4}
              top={4}
              w={14}
              h={14}
              style={{
                borderRadius: '50%',
                background: voided ? 'white' : color,
                border: `3px solid ${color}`,
              }}
            />
            {!last && (
              <Box
                aria-hidden
                pos="absolute"
                left={10}
                top={20}
                bottom={0}
                w={2}
                style={{ background: 'var(--mantine-color-gray-3)' }}
              />
            )}
            <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
              <Stack gap={2} style={{ flex: '1 1 16rem' }}>
                <Group gap="xs" wrap="wrap">
                  <Text fw={700} size="sm" component="time" dateTime={event.eventDate}>
                    {formatIsoDate(event.eventDate)}
                  </Text>
                  <Text fw={600} size="sm" td={voided ? 'line-through' : undefined}>
                    {t(`registry.enums.zoneStatus.${event.status}`)}
                  </Text>
                  {voided && (
                    <Badge color="red" variant="light" c="red.9" size="sm" tt="none">
                      {t('registry.timeline.voided')}
                    </Badge>
                  )}
                  {event.isDemo && <DemoBadge />}
                </Group>
                {decision && <Text size="sm">{decision}</Text>}
                {event.note && (
                  <Text size="sm" c="dimmed">
                    {event.note}
                  </Text>
                )}
                {voided && (
                  <Text size="sm" c="red.9">
                    {t('registry.timeline.voidReason', {
                      reason: event.voidReason ?? '',
                      date: formatIsoDate(event.voidedAt),
                    })}
                  </Text>
                )}
              </Stack>
              {canVoid && !voided && (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red.9"
                  leftSection={<IconBan size={14} aria-hidden />}
                  onClick={() => onVoid(event)}
                  aria-label={t('registry.timeline.voidLabel', {
                    status: t(`registry.enums.zoneStatus.${event.status}`),
                    date: formatIsoDate(event.eventDate),
                  })}
                >
                  {t('registry.timeline.void')}
                </Button>
              )}
            </Group>
          </Box>
        );
      })}
    </Box>
  );
}
