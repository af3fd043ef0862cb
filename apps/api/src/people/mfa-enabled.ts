/**
 * `mfaEnabled` as SQL, for the user row aliased `alias`: a confirmed TOTP factor or at least one passkey. One
 * rule for the people repository's queries and the entity's virtual column.
 */
export function mfaEnabledSql(alias: string): string {
  return `(EXISTS (SELECT 1 FROM user_totp_factors f WHERE f.user_id = ${alias}.id AND f.confirmed_at IS NOT NULL)
    OR EXISTS (SELECT 1 FROM user_passkeys p WHERE p.user_id = ${alias}.id))`;
}
