import type { Meta, StoryObj } from '@storybook/react-vite';
import { Checkbox } from '../src/checkbox';
import { FormField } from '../src/form-field';
import { Input } from '../src/input';
import { RadioGroup, RadioGroupOption } from '../src/radio-group';

const meta = {
  title: 'Forms/Form field',
  component: FormField,
  args: { label: 'Phone', children: <Input type="tel" autoComplete="tel" /> },
} satisfies Meta<typeof FormField>;

export default meta;
type Story = StoryObj<typeof meta>;

export const LabelOnly: Story = {};
export const WithHint: Story = { args: { hint: 'We text the crew’s arrival time to this number.' } };
export const Required: Story = { args: { required: true, hint: 'Needed for arrival texts.' } };
export const WithError: Story = {
  args: { required: true, hint: 'Needed for arrival texts.', error: 'Enter a phone number with its area code.' },
};

export const InlineCheckbox: Story = {
  args: { label: 'Text me when the crew is on the way', layout: 'inline', children: <Checkbox /> },
};

export const Group: Story = {
  args: {
    label: 'Preferred contact',
    group: true,
    hint: 'How the office reaches you about this job.',
    error: 'Choose one.',
    children: (
      <RadioGroup>
        <RadioGroupOption value="sms" label="Text message" />
        <RadioGroupOption value="call" label="Phone call" />
        <RadioGroupOption value="email" label="Email" />
      </RadioGroup>
    ),
  },
};
