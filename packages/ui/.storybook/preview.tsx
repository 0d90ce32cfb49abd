import type { Decorator, Preview } from '@storybook/react-vite';
import './storybook.css';

// The toolbar picks the scheme the way the app's pages can: data-theme / data-contrast on <html>. "system"
// leaves both off so the OS preference (or the axe test's emulated media) decides.
const withTheme: Decorator = (Story, context) => {
  const root = document.documentElement;
  const { theme, contrast } = context.globals as { theme?: string; contrast?: string };
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  else delete root.dataset.theme;
  if (contrast === 'more') root.dataset.contrast = 'more';
  else delete root.dataset.contrast;
  return <Story />;
};

const preview: Preview = {
  decorators: [withTheme],
  initialGlobals: { theme: 'system', contrast: 'normal' },
  globalTypes: {
    theme: {
      description: 'Colour scheme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'system', title: 'System' },
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
    contrast: {
      description: 'Contrast',
      toolbar: {
        title: 'Contrast',
        icon: 'contrast',
        items: [
          { value: 'normal', title: 'Normal contrast' },
          { value: 'more', title: 'High contrast' },
        ],
        dynamicTitle: true,
      },
    },
  },
  parameters: {
    layout: 'padded',
    // The a11y panel runs axe on the open story; 'error' makes a violation fail any Storybook test run.
    // The repository's own gate is e2e/stories.spec.ts, which checks every story in every scheme.
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};

export default preview;
