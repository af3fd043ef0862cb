import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/use-i18n';
import { drawingToolsLoaded, loadDrawingTools } from './drawing-tools';

/**
 * For the roles that draw zones: the map is made once the drawing tools have loaded (Geoman equips a map
 * when it is created). If they cannot load, the map still shows, with a notice that drawing needs a reload.
 */
export function DrawingToolsGate({ children }: { children: ComponentChildren }) {
  const { t } = useI18n();
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>(() =>
    drawingToolsLoaded() ? 'ready' : 'loading',
  );
  useEffect(() => {
    if (state !== 'loading') return;
    let current = true;
    loadDrawingTools().then(
      () => current && setState('ready'),
      () => current && setState('failed'),
    );
    return () => {
      current = false;
    };
  }, []);

  if (state === 'loading')
    return (
      <p class="map-canvas__notice" role="status">
        {t('common.loading')}
      </p>
    );
  return (
    <>
      {children}
      {state === 'failed' && (
        <p class="map-canvas__notice" role="alert">
          {t('map.drawingToolsFailed')}
        </p>
      )}
    </>
  );
}
