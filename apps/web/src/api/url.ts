// Building the api's URLs, for every feature's api client.

/** `?a=1&b=x` from the parameters that have a value (undefined and empty ones are left out); '' when none. */
export function queryString(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** An id as one path segment. */
export const pathSegment = (value: string): string => encodeURIComponent(value);
