import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { Combobox, type ComboboxOption, filterOptions } from '../src/combobox';
import { FormField } from '../src/form-field';

const clients: ComboboxOption[] = [
  { value: 'acme', label: 'Acme Roofing', description: '12 Main St, Springfield' },
  { value: 'pena', label: 'Peña Plumbing', description: '4 Oak Ave' },
  { value: 'roof-masters', label: 'Roof Masters' },
  { value: 'northside', label: 'Northside Electric', description: 'Roofing and solar' },
  { value: 'blue-sky', label: 'Blue Sky HVAC', disabled: true },
  { value: 'summit', label: 'Summit Builders' },
];

const meta = {
  title: 'Forms/Combobox',
  component: Combobox,
  args: { options: clients, placeholder: 'Search clients' },
  // Room below the field for the list, which is portalled over the page.
  decorators: [
    (Story) => (
      <div className="min-h-96 max-w-sm">
        <Story />
      </div>
    ),
  ],
  render: (args) => (
    <FormField label="Client" hint="Type a name, address or note.">
      <Combobox {...args} />
    </FormField>
  ),
} satisfies Meta<typeof Combobox>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const WithValue: Story = { args: { defaultValue: 'pena' } };

export const Open: Story = { args: { defaultValue: 'roof-masters', defaultOpen: true } };

export const Invalid: Story = {
  render: (args) => (
    <FormField label="Client" required error="Choose the client for this job.">
      <Combobox {...args} />
    </FormField>
  ),
};

export const Disabled: Story = { args: { defaultValue: 'acme', disabled: true } };

/** The parent searches (here: a fake server with a delay) and passes the results; the combobox does not filter. */
function ServerSearch({ initialText = '', delay = 400 }: { initialText?: string; delay?: number }) {
  const [text, setText] = useState(initialText);
  const [results, setResults] = useState<ComboboxOption[]>(() => filterOptions(clients, initialText));
  const [loading, setLoading] = useState(false);
  const [value, setValue] = useState<string | null>(null);
  return (
    <FormField label="Client" hint="Results come from the server as you type.">
      <Combobox
        options={results}
        value={value}
        onValueChange={setValue}
        inputValue={text}
        onInputChange={(next, reason) => {
          setText(next);
          if (reason !== 'input') return;
          setLoading(true);
          setTimeout(() => {
            setResults(filterOptions(clients, next));
            setLoading(false);
          }, delay);
        }}
        loading={loading}
        defaultOpen={initialText !== ''}
      />
    </FormField>
  );
}

export const Search: Story = { render: () => <ServerSearch /> };

export const NoResults: Story = { render: () => <ServerSearch initialText="zzz" /> };

export const Loading: Story = {
  args: { loading: true, options: [], defaultOpen: true },
};

export const LoadingWithStaleResults: Story = {
  args: { loading: true, defaultOpen: true },
};

function Creatable() {
  const [options, setOptions] = useState(clients);
  const [value, setValue] = useState<string | null>(null);
  return (
    <FormField label="Client" hint="Not in the list? Type the name and choose “Create”.">
      <Combobox
        options={options}
        value={value}
        onValueChange={setValue}
        onCreate={(text) => {
          const created = { value: `new-${options.length}`, label: text };
          setOptions([...options, created]);
          setValue(created.value);
        }}
      />
    </FormField>
  );
}

export const CreateNew: Story = { render: () => <Creatable /> };
