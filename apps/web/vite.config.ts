import react from '@vitejs/plugin-react';
import postcssPresetMantine from 'postcss-preset-mantine';
import postcssSimpleVars from 'postcss-simple-vars';
import { defineConfig } from 'vite';

// The config may be loaded from the repository root (`vite build apps/web`) or from apps/web
// (`npm run build -w @heza/web`); anchoring on this file keeps both identical.
const webRoot = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  resolve: {
    // @mantine/dates is hoisted to the root node_modules while @mantine/core may sit in
    // apps/web/node_modules: without deduplication the date pickers would get a second
    // MantineProvider context and throw at runtime.
    dedupe: ['react', 'react-dom', '@mantine/core', '@mantine/hooks', 'dayjs'],
  },
  css: {
    postcss: {
      plugins: [
        postcssPresetMantine(),
        postcssSimpleVars({
          variables: {
            'mantine-breakpoint-xs': '36em',
            'mantine-breakpoint-sm': '48em',
            'mantine-breakpoint-md': '62em',
            'mantine-breakpoint-lg': '75em',
            'mantine-breakpoint-xl': '88em',
          },
        }),
      ],
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // MapLibre alone is about 1 MB; it is its own chunk, loaded only when a map is shown.
    chunkSizeWarningLimit: 1100,
  },
});
