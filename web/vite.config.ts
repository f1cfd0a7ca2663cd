import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The SPA: built into web/dist, served by the local server and, in AWS, from S3 through CloudFront. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: true },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/local': 'http://127.0.0.1:3000' } },
});
