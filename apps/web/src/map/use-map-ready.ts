import { useEffect, useState } from 'preact/hooks';
import { useFeature } from '../session/feature-registry';
import { MAP_EVENTS } from './map-events';
import { mapEventsFeature } from './map-feature';

/**
 * How many times a map has been made since this component mounted. For drawing roles the map is made only once
 * Geoman has loaded, so commands sent before then went nowhere: an effect that steers the map lists this among
 * its dependencies and sends its command again when the map arrives.
 */
export function useMapReadyCount(): number {
  const mapEvents = useFeature(mapEventsFeature);
  const [count, setCount] = useState(0);
  useEffect(() => mapEvents.on(MAP_EVENTS.mapReady, () => setCount((current) => current + 1)), [mapEvents]);
  return count;
}
