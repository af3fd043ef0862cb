// Which used kits still wait for a new one. A kit names a unit or a vehicle, so a new kit with the same label
// (registered by anyone in the organisation) replaces it; otherwise a kit the officer who used it registers
// afterwards does. Each new kit replaces one used kit.

export interface KitUseRow {
  kitId: string;
  label: string;
  usedAt: Date;
}

export interface KitRegistrationRow {
  kitId: string;
  label: string;
  createdBy: string | null;
  createdAt: Date;
}

const sameLabel = (a: string, b: string) => a.trim().toLocaleLowerCase('sv') === b.trim().toLocaleLowerCase('sv');

/** The uses (oldest first) by `userId` that no later registration replaces. */
export function pendingReplacements(uses: readonly KitUseRow[], registrations: readonly KitRegistrationRow[], userId: string): KitUseRow[] {
  const taken = new Set<string>();
  const replaced = new Set<string>();
  const claim = (use: KitUseRow, fits: (registration: KitRegistrationRow) => boolean) => {
    // A use may be recorded with an earlier time than the kit's own registration; the kit never replaces itself.
    const match = registrations.find(
      (registration) => registration.kitId !== use.kitId && !taken.has(registration.kitId) && registration.createdAt > use.usedAt && fits(registration),
    );
    if (!match) return;
    taken.add(match.kitId);
    replaced.add(use.kitId);
  };
  // The unit's own new kit first, so a registration by the officer is not spent on a unit that got its own.
  for (const use of uses) claim(use, (registration) => sameLabel(registration.label, use.label));
  for (const use of uses) if (!replaced.has(use.kitId)) claim(use, (registration) => registration.createdBy === userId);
  return uses.filter((use) => !replaced.has(use.kitId));
}
