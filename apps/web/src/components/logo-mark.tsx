/** The HEZA mark (decorative; the product name is always written next to it). */
export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="6" fill="var(--mantine-color-blue-8)" />
      <path d="M8 24V8h3v6.5h10V8h3v16h-3v-6.5H11V24z" fill="#fff" />
    </svg>
  );
}
