import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { initI18n } from './i18n/i18n.ts';
// Burmese and Arabic fonts are bundled (woff2, only the script's subset): no request leaves the origin.
import '@fontsource/noto-sans-myanmar/myanmar-400.css';
import '@fontsource/noto-sans-myanmar/myanmar-700.css';
import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/arabic-700.css';
import './styles.css';
import * as z from 'zod';

// The CSP allows no eval: zod's JIT probe (`new Function`) would only be refused and reported on every load.
z.config({ jitless: true });

// The first paint waits for the chosen language's strings (English is bundled, others are one small chunk).
void initI18n().finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
