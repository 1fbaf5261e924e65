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
  // Engine hook for benchmarks (src/engine/devHook.ts): a lazy chunk, only in dev or with ?bench.
  if (import.meta.env.DEV || new URLSearchParams(location.search).has('bench')) void import('./engine/devHook');
}
void main();
