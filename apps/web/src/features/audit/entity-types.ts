/** Entity types the web knows a name for; the server may log others, shown by their code. */
export const KNOWN_ENTITY_TYPES = ['user', 'zone', 'enterprise', 'project', 'session'] as const;
export type KnownEntityType = (typeof KNOWN_ENTITY_TYPES)[number];

export function isKnownEntityType(value: string): value is KnownEntityType {
  return (KNOWN_ENTITY_TYPES as readonly string[]).includes(value);
}
