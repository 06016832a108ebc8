import http from 'node:http';
import helmet from 'helmet';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers.ts';

/** The headers helmet's middleware sets on a real response of a real server. */
async function helmetOnRealResponse(options: Parameters<typeof helmet>[0]): Promise<Record<string, string>> {
  const middleware = helmet(options);
  const server = http.createServer((req, res) => {
    middleware(req, res, () => res.end('ok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${port}/`);
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      if (!['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(name))
        headers[name] = value;
    });
    return headers;
  } finally {
    server.close();
  }
}

describe('securityHeaders', () => {
  const options = {
    contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], workerSrc: ["'self'", 'blob:'] } },
    hsts: true,
    crossOriginEmbedderPolicy: false,
  };

  it('should give exactly the headers helmet sets on a live response', async () => {
    expect(securityHeaders(options)).toEqual(await helmetOnRealResponse(options));
  });

  it('should follow the options (no HSTS over plain HTTP, the CSP as configured)', () => {
    const h = securityHeaders({ ...options, hsts: false });
    expect(h['strict-transport-security']).toBeUndefined();
    expect(h['content-security-policy']).toContain("worker-src 'self' blob:");
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(Object.isFrozen(h)).toBe(true);
  });
});
