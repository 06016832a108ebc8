import { Alert, Skeleton } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZonesMapCanvasProps } from './zones-map-canvas';

// MapLibre (~1 MB) is fetched only when a map is on screen.
const ZonesMapCanvas = lazy(() => import('./zones-map-canvas'));

type LazyZonesMapProps = Omit<ZonesMapCanvasProps, 'controlTexts' | 'onFailure'>;

/** The zone map, loaded on demand; says so in words when the browser cannot draw it. */
export function LazyZonesMap(props: LazyZonesMapProps) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const controlTexts = useMemo(
    () => ({
      'NavigationControl.ZoomIn': t('registry.map.zoomIn'),
      'NavigationControl.ZoomOut': t('registry.map.zoomOut'),
      'NavigationControl.ResetBearing': t('registry.map.resetBearing'),
      'Map.Title': props.label,
    }),
    [t, props.label],
  );
  if (failed)
    return (
      <Alert
        color="gray"
        variant="light"
        icon={<IconMapOff aria-hidden />}
        title={t('registry.map.unavailableTitle')}
      >
        {t('registry.map.unavailable')}
      </Alert>
    );
  return (
    <Suspense fallback={<Skeleton height={props.height} radius="md" aria-label={t('app.loading')} />}>
      <ZonesMapCanvas {...props} controlTexts={controlTexts} onFailure={() => setFailed(true)} />
    </Suspense>
  );
}
