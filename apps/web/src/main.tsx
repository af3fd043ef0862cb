import { render } from 'preact';
import { App } from './app/app';
import { createServices, ServicesContext } from './app/services';
import { TOKEN_STORAGE_KEY } from './auth/session.store';
import { registerServiceWorker } from './naloxone/service-worker-registration';
import './styles/base.css';
import './styles/sign-in.css';
import './styles/shell.css';
import './styles/controls.css';
import './styles/map.css';
import './styles/panel.css';
import './styles/chat.css';
import './styles/admin.css';

const services = createServices(window);

// Signing in or out in another tab changes the stored token.
window.addEventListener('storage', (event) => {
  if (event.key === TOKEN_STORAGE_KEY || event.key === null) services.session.storageChanged();
});

render(
  <ServicesContext.Provider value={services}>
    <App />
  </ServicesContext.Provider>,
  document.getElementById('app')!,
);
void services.session.restore();
// The app shell and the naloxone guide stay available offline (apps/web/public/sw.js).
registerServiceWorker(window, import.meta.env.PROD);
