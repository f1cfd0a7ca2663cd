import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The SPA: built into web/dist, served by the local server and, in AWS, from S3 through CloudFront. No source
 * maps: web/dist is exactly what is served, and a map would publish the sources. Nothing reads client stack
 * traces, so none are kept elsewhere either; the `vite` dev server has its own for debugging. (The local
 * server and the deployment refuse `.map` files as well.)
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/local': 'http://127.0.0.1:3000' } },
});
