import type { Meta, StoryObj } from '@storybook/react-vite';
import { FormField } from '../src/form-field';
import { Switch } from '../src/switch';

const meta = {
  title: 'Forms/Switch',
  component: Switch,
  render: (args) => (
    <FormField label="Text customers when the crew is on the way" layout="inline">
      <Switch {...args} />
    </FormField>
  ),
} satisfies Meta<typeof Switch>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Off: Story = {};
export const On: Story = { args: { defaultChecked: true } };
export const Disabled: Story = { args: { disabled: true, defaultChecked: true } };
