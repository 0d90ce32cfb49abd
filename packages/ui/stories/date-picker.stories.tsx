import type { Meta, StoryObj } from '@storybook/react-vite';
import { DatePicker, dateInputPattern } from '../src/date-picker';
import { FormField } from '../src/form-field';

const meta = {
  title: 'Forms/Date picker',
  component: DatePicker,
  // Room below the field for the calendar, which is portalled over the page.
  decorators: [
    (Story) => (
      <div className="min-h-[30rem] max-w-xs">
        <Story />
      </div>
    ),
  ],
  render: (args) => (
    <FormField label="Visit date" hint={`Format: ${dateInputPattern(args.locale ?? 'en-US')}`}>
      <DatePicker {...args} />
    </FormField>
  ),
} satisfies Meta<typeof DatePicker>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const WithValue: Story = { args: { defaultValue: '2026-03-14' } };

export const Open: Story = { args: { defaultValue: '2026-03-14', defaultOpen: true } };

const weekend = (value: string) => [0, 6].includes(new Date(`${value}T12:00:00`).getDay());

/** March 2026 only, weekends off: the calendar does not page past the limits and strikes out the rest. */
export const MinMax: Story = {
  args: {
    defaultValue: '2026-03-10',
    min: '2026-03-02',
    max: '2026-03-27',
    isDateDisabled: weekend,
    defaultOpen: true,
  },
};

export const Invalid: Story = {
  render: (args) => (
    <FormField label="Visit date" required error="Pick a date on or after today.">
      <DatePicker {...args} defaultValue="2020-01-01" />
    </FormField>
  ),
};

export const Disabled: Story = { args: { defaultValue: '2026-03-14', disabled: true } };

/** The app passes its locale and next-intl strings; the package has no translations of its own. */
export const Spanish: Story = {
  render: (args) => (
    <FormField
      label="Fecha de la visita"
      hint={`Formato: ${dateInputPattern('es', { day: 'dd', month: 'mm', year: 'aaaa' })}`}
    >
      <DatePicker
        {...args}
        locale="es"
        defaultValue="2026-03-14"
        defaultOpen
        placeholder="dd/mm/aaaa"
        labels={{
          openCalendar: 'Elegir fecha',
          calendar: 'Calendario',
          previousMonth: 'Mes anterior',
          nextMonth: 'Mes siguiente',
          navigation: 'Navegación de meses',
          today: 'Hoy',
          selected: 'seleccionada',
        }}
      />
    </FormField>
  ),
};
