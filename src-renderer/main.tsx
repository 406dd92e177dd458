// Renderer entry: load the translations, then mount the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getBridge } from './bridge/get-bridge';
import { setupI18n } from './i18n/setup';

// Start connecting (browser host) while the translations load.
getBridge();

void setupI18n().then(() => {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
