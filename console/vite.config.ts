import react from '@vitejs/plugin-react';
import { loadEnv } from 'vite';
import { defineConfig } from 'vitest/config';

// The Siyu the dev and preview servers proxy to; SIYU_CONSOLE_BACKEND points them at another one.
const server = loadEnv('development', '.', 'SIYU_').SIYU_CONSOLE_BACKEND || 'http://localhost:8081';

// The same policy as the server's, so that the preview fails the way production would.
const contentSecurityPolicy =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
  "connect-src 'self'; frame-ancestors 'none'";

const proxy = {
  '/api': { target: server, changeOrigin: false },
  '/v1': { target: server, changeOrigin: false },
  '/actuator': { target: server, changeOrigin: false },
};

export default defineConfig({
  base: '/',
  plugins: [react()],
  server: { port: 5173, strictPort: true, proxy },
  preview: { port: 4173, strictPort: true, proxy, headers: { 'Content-Security-Policy': contentSecurityPolicy } },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 30 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
});
