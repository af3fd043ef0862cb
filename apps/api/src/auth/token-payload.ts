/** What a bearer token carries: who, and which sign-in session (so it can be revoked). */
export interface TokenPayload {
  sub: string;
  jti: string;
}

export const TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;
