import type { Meta, StoryObj } from '@storybook/react-vite';
import { Button } from '../src/button';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '../src/dialog';
import { FormField } from '../src/form-field';
import { Input } from '../src/input';

const meta = {
  title: 'Overlays/Dialog',
  component: Dialog,
  render: (args) => (
    <Dialog {...args}>
      <DialogTrigger asChild>
        <Button variant="danger">Void invoice</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Void invoice INV-1042?</DialogTitle>
          <DialogDescription>The customer can no longer pay it. This cannot be undone.</DialogDescription>
        </DialogHeader>
        <FormField label="Reason" hint="Kept in the activity log.">
          <Input />
        </FormField>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">Keep invoice</Button>
          </DialogClose>
          <Button variant="danger">Void invoice</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  ),
} satisfies Meta<typeof Dialog>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Closed: Story = {};
export const Open: Story = { args: { defaultOpen: true } };
