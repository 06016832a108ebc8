/**
 * Rate limits of the public dossier lookups (tracking page, JSON lookup, form downloads), per client IP.
 * They are the guard against guessing dossier codes and secrets: 31^4 ≈ 920 000 secrets per code at 30
 * tries a minute is weeks of guessing per address. The bench raises `max` to measure the page itself.
 */
export const trackingRateLimit = { max: 30, timeWindow: 60_000 };

/** The @fastify/rate-limit options of a public lookup route (read at each request, so the bench can raise it). */
export function trackingLimitConfig() {
  return {
    max: () => trackingRateLimit.max,
    timeWindow: trackingRateLimit.timeWindow,
  };
}
