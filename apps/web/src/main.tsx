import { render } from 'preact';
import { App } from './app/app';
import { createAppBase } from './app/create-app-base';
import { TOKEN_STORAGE_KEY } from './auth/session.store';
import { appUpdateFeature } from './pwa/app-update';
import { FeatureRegistry, FeatureRegistryContext } from './session/feature-registry';
import './styles/base.css';
import './styles/sign-in.css';
import './styles/shell.css';
import './styles/controls.css';
import './styles/map.css';
import './styles/panel.css';
import './styles/chat.css';
import './styles/admin.css';

const base = createAppBase(window);
const features = FeatureRegistry.forApp(base);

// Signing in or out in another tab changes the stored token.
window.addEventListener('storage', (event) => {
  if (event.key === TOKEN_STORAGE_KEY || event.key === null) base.session.storageChanged();
});

render(
  <FeatureRegistryContext.Provider value={features}>
    <App />
  </FeatureRegistryContext.Provider>,
  document.getElementById('app')!,
);
void base.session.restore();
// The app shell and the naloxone guide stay available offline; pushes arrive (apps/web/src/pwa/sw.ts).
features.get(appUpdateFeature).register(import.meta.env.PROD);
