import type { Meta, StoryObj } from '@storybook/react-vite';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '../src/tabs';

const meta = {
  title: 'Navigation/Tabs',
  component: Tabs,
  render: (args) => (
    <Tabs {...args}>
      <TabsList aria-label="Job sections">
        <TabsTrigger value="overview">Overview</TabsTrigger>
        <TabsTrigger value="photos">Photos</TabsTrigger>
        <TabsTrigger value="invoices">Invoices</TabsTrigger>
        <TabsTrigger value="archive" disabled>
          Archive
        </TabsTrigger>
      </TabsList>
      <TabsContent value="overview">Roof replacement at 14 Elm St, scheduled Monday.</TabsContent>
      <TabsContent value="photos">12 photos from the site visit.</TabsContent>
      <TabsContent value="invoices">One invoice, paid.</TabsContent>
    </Tabs>
  ),
} satisfies Meta<typeof Tabs>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = { args: { defaultValue: 'overview' } };
export const SecondSelected: Story = { args: { defaultValue: 'photos' } };
