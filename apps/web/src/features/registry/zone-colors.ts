import type { ZoneStatus } from '@heza/shared/registry';

/**
 * Colours of zone statuses (Mantine palette names for badges, hex shade 7 for the map so both agree) and of
 * occupancy bands. Every colour is also said in words next to it: badges carry the status name, the map has a
 * legend and a text list.
 */
export const ZONE_STATUS_COLORS: Record<ZoneStatus, { mantine: string; hex: string }> = {
  in_master_plan: { mantine: 'gray', hex: '#495057' },
  proposal_received: { mantine: 'cyan', hex: '#0c8599' },
  policy_approved: { mantine: 'indigo', hex: '#4263eb' },
  established: { mantine: 'violet', hex: '#7048e8' },
  construction: { mantine: 'orange', hex: '#e8590c' },
  operating: { mantine: 'green', hex: '#2b8a3e' },
  suspended: { mantine: 'pink', hex: '#a61e4d' },
  closed: { mantine: 'red', hex: '#c92a2a' },
};

/** Colour of a zone without any lifecycle event. */
export const NO_STATUS_HEX = '#adb5bd';

/** Occupancy bands of the map, lowest first: [upper bound (exclusive, %), colour]. */
export const OCCUPANCY_BANDS: readonly { below: number; hex: string }[] = [
  { below: 25, hex: '#d0ebff' },
  { below: 50, hex: '#74c0fc' },
  { below: 75, hex: '#1c7ed6' },
  { below: 90, hex: '#1864ab' },
  { below: Number.POSITIVE_INFINITY, hex: '#0b3866' },
];

/** Colour for an occupancy percentage; grey when it is unknown. */
export function occupancyHex(pct: number | null | undefined): string {
  if (pct === null || pct === undefined) return NO_STATUS_HEX;
  return (OCCUPANCY_BANDS.find((b) => pct < b.below) ?? OCCUPANCY_BANDS[OCCUPANCY_BANDS.length - 1])!.hex;
}
