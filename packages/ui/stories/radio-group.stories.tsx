import type { Meta, StoryObj } from '@storybook/react-vite';
import { FormField } from '../src/form-field';
import { RadioGroup, RadioGroupOption } from '../src/radio-group';

const meta = {
  title: 'Forms/Radio group',
  component: RadioGroup,
  render: (args) => (
    <FormField label="Payment terms" group>
      <RadioGroup {...args}>
        <RadioGroupOption value="due" label="Due on receipt" />
        <RadioGroupOption value="net15" label="Net 15" />
        <RadioGroupOption value="net30" label="Net 30" />
      </RadioGroup>
    </FormField>
  ),
} satisfies Meta<typeof RadioGroup>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = { args: { defaultValue: 'net15' } };
export const Disabled: Story = { args: { defaultValue: 'net15', disabled: true } };

export const Invalid: Story = {
  render: (args) => (
    <FormField label="Payment terms" group required error="Choose the payment terms.">
      <RadioGroup {...args}>
        <RadioGroupOption value="due" label="Due on receipt" />
        <RadioGroupOption value="net15" label="Net 15" />
      </RadioGroup>
    </FormField>
  ),
};
