import { SITE_TYPES, type SiteType } from '@samverkan/contracts';
import type { KeyValueStorage } from '../state/safe-storage';
import { Store } from '../state/store';
import { FILTERABLE_ZONE_STATES, type ZoneDisplayState } from '../zones/zone-display';

export type FilterableZoneState = (typeof FILTERABLE_ZONE_STATES)[number];

export interface MapFiltersState {
  siteTypes: ReadonlySet<SiteType>;
  zoneStates: ReadonlySet<FilterableZoneState>;
}

const STORAGE_KEY = 'samverkan.mapFilters';

function allShown(): MapFiltersState {
  return { siteTypes: new Set(SITE_TYPES), zoneStates: new Set(FILTERABLE_ZONE_STATES) };
}

/** Which site types and zone states the map shows; remembered in this browser. */
export class MapFilters extends Store<MapFiltersState> {
  constructor(private readonly storage: KeyValueStorage) {
    super(MapFilters.restore(storage));
  }

  private static restore(storage: KeyValueStorage): MapFiltersState {
    try {
      const saved = JSON.parse(storage.get(STORAGE_KEY) ?? 'null') as {
        siteTypes?: unknown;
        zoneStates?: unknown;
      } | null;
      if (!saved || !Array.isArray(saved.siteTypes) || !Array.isArray(saved.zoneStates)) return allShown();
      return {
        siteTypes: new Set(SITE_TYPES.filter((type) => (saved.siteTypes as unknown[]).includes(type))),
        zoneStates: new Set(
          FILTERABLE_ZONE_STATES.filter((state) => (saved.zoneStates as unknown[]).includes(state)),
        ),
      };
    } catch {
      return allShown();
    }
  }

  showsSiteType(type: SiteType): boolean {
    return this.value.siteTypes.has(type);
  }

  showsZoneState(state: ZoneDisplayState): boolean {
    return (this.value.zoneStates as ReadonlySet<string>).has(state);
  }

  get isFiltering(): boolean {
    return (
      this.value.siteTypes.size < SITE_TYPES.length ||
      this.value.zoneStates.size < FILTERABLE_ZONE_STATES.length
    );
  }

  toggleSiteType(type: SiteType, shown: boolean): void {
    const siteTypes = new Set(this.value.siteTypes);
    if (shown) siteTypes.add(type);
    else siteTypes.delete(type);
    this.save({ ...this.value, siteTypes });
  }

  toggleZoneState(state: FilterableZoneState, shown: boolean): void {
    const zoneStates = new Set(this.value.zoneStates);
    if (shown) zoneStates.add(state);
    else zoneStates.delete(state);
    this.save({ ...this.value, zoneStates });
  }

  showAll(): void {
    this.save(allShown());
  }

  private save(next: MapFiltersState): void {
    this.storage.set(
      STORAGE_KEY,
      JSON.stringify({ siteTypes: [...next.siteTypes], zoneStates: [...next.zoneStates] }),
    );
    this.set(next);
  }
}
