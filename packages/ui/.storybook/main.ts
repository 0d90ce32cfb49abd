import type { StorybookConfig } from '@storybook/react-vite';
import tailwindcss from '@tailwindcss/vite';
import { mergeConfig } from 'vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.tsx'],
  addons: ['@storybook/addon-a11y'],
  framework: { name: '@storybook/react-vite', options: {} },
  // No network here (and no reason to phone home from CI).
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: false },
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      plugins: [tailwindcss()],
      // Same source-first resolution as the rest of the workspace.
      resolve: { conditions: ['@ontrack/source'] },
      // Only problems in the `npm test` log, not the list of chunks; the preview runtime is one big chunk.
      logLevel: 'warn',
      build: {
        chunkSizeWarningLimit: 4096,
        rolldownOptions: {
          // Radix ships "use client" for React Server Components; it means nothing in a client-only bundle.
          onwarn(warning, warn) {
            if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
          },
        },
      },
    }),
};

export default config;
