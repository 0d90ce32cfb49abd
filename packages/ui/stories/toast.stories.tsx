import type { Meta, StoryObj } from '@storybook/react-vite';
import { Button } from '../src/button';
import {
  Toast,
  ToastAction,
  ToastClose,
  ToastDescription,
  Toaster,
  ToastProvider,
  ToastTitle,
  ToastViewport,
} from '../src/toast';
import { toast } from '../src/toast-store';

const meta = {
  title: 'Feedback/Toast',
  component: Toast,
  parameters: { layout: 'fullscreen' },
  render: (args) => (
    <ToastProvider>
      <Toast {...args}>
        <div className="grid flex-1 gap-1">
          <ToastTitle>Invoice sent</ToastTitle>
          <ToastDescription>INV-1042 was emailed to Rivera Roofing.</ToastDescription>
        </div>
        <ToastAction altText="Open the invoice from the invoices list">View</ToastAction>
        <ToastClose />
      </Toast>
      <ToastViewport />
    </ToastProvider>
  ),
  // Open and never timing out, so the test and the reader both see it.
  args: { open: true, duration: Number.POSITIVE_INFINITY },
} satisfies Meta<typeof Toast>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Neutral: Story = {};
export const Success: Story = { args: { variant: 'success' } };
export const Danger: Story = {
  args: { variant: 'danger' },
  render: (args) => (
    <ToastProvider>
      <Toast {...args}>
        <div className="grid flex-1 gap-1">
          <ToastTitle>Payment failed</ToastTitle>
          <ToastDescription>The card was declined. Nothing was charged.</ToastDescription>
        </div>
        <ToastClose />
      </Toast>
      <ToastViewport />
    </ToastProvider>
  ),
};

export const FromAnywhere: Story = {
  render: () => (
    <div className="p-4">
      <Button
        onClick={() => toast({ title: 'Estimate saved', description: 'EST-207 is ready to send.', variant: 'success' })}
      >
        Save estimate
      </Button>
      <Toaster />
    </div>
  ),
};
