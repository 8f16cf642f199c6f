/** A session's browser as its owner would name it ("Firefox on Windows"), from its user agent; undefined if unknown. */
export function browserOf(userAgent: string | null): string | undefined {
  if (!userAgent) return undefined;
  const browser = [
    ['Edg/', 'Edge'],
    ['Firefox/', 'Firefox'],
    ['Chrome/', 'Chrome'],
    ['Safari/', 'Safari'],
  ].find(([mark]) => userAgent.includes(mark!))?.[1];
  const system = [
    ['Android', 'Android'],
    ['iPhone', 'iPhone'],
    ['iPad', 'iPad'],
    ['Windows', 'Windows'],
    ['Mac OS X', 'macOS'],
    ['Linux', 'Linux'],
  ].find(([mark]) => userAgent.includes(mark!))?.[1];
  if (!browser) return system;
  return system ? `${browser} · ${system}` : browser;
}
