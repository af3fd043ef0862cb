// Which precompressed copy of a file to send. Chrome sends "gzip, deflate, br, zstd": the client's order is
// not a preference, so among codings it accepts equally the smaller one (Brotli) wins.

export type ContentCoding = 'br' | 'gzip';

/** Brotli, else gzip, whichever the Accept-Encoding header accepts (q > 0, directly or through "*"); null: send it plain. */
export function preferredCoding(acceptEncoding: string | undefined, available: readonly ContentCoding[]): ContentCoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = parameters.map((parameter) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(parameter)?.[1]).find((value) => value !== undefined);
    weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weight = (coding: ContentCoding) => weights.get(coding) ?? weights.get('*') ?? 0;
  return (['br', 'gzip'] as const).find((coding) => available.includes(coding) && weight(coding) > 0) ?? null;
}
