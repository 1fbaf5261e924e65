import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './app/i18n';
import { App } from './app/App';
import { startApp } from './app/boot';
import { startPwa } from './app/pwa';
import './ui/kit/kit.css';
import './app/app.css';

async function main() {
  await initI18n();
  // Outside React so StrictMode's double effects cannot take the tab lock twice.
  startApp();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  void startPwa();
}
void main();
