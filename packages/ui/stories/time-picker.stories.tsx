import type { Meta, StoryObj } from '@storybook/react-vite';
import { FormField } from '../src/form-field';
import { TimePicker } from '../src/time-picker';

const meta = {
  title: 'Forms/Time picker',
  component: TimePicker,
  decorators: [
    (Story) => (
      <div className="min-h-96 max-w-xs">
        <Story />
      </div>
    ),
  ],
  render: (args) => (
    <FormField label="Arrival time" hint="Every 15 minutes, or type any time.">
      <TimePicker {...args} />
    </FormField>
  ),
} satisfies Meta<typeof TimePicker>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const WithValue: Story = { args: { defaultValue: '07:30' } };

export const Open: Story = { args: { defaultValue: '07:30', defaultOpen: true, min: '06:00', max: '20:00' } };

/** A 24-hour clock and Spanish words, as the app would pass them. */
export const Spanish: Story = {
  render: (args) => (
    <FormField label="Hora de llegada" hint="Cada 30 minutos, o escribe cualquier hora.">
      <TimePicker
        {...args}
        locale="es"
        stepMinutes={30}
        defaultValue="19:30"
        defaultOpen
        labels={{
          toggle: 'Mostrar horas',
          loading: 'Cargando…',
          noResults: 'Sin resultados',
          results: (count) => (count === 1 ? '1 resultado.' : `${count} resultados.`),
        }}
      />
    </FormField>
  ),
};

export const Invalid: Story = {
  render: (args) => (
    <FormField label="Arrival time" required error="Choose when the crew arrives.">
      <TimePicker {...args} />
    </FormField>
  ),
};

export const Disabled: Story = { args: { defaultValue: '07:30', disabled: true } };
