import type { Meta, StoryObj } from '@storybook/react-vite';
import { Skeleton } from '../src/skeleton';

const meta = {
  title: 'Feedback/Skeleton',
  component: Skeleton,
} satisfies Meta<typeof Skeleton>;

export default meta;
type Story = StoryObj<typeof meta>;

export const JobCard: Story = {
  render: () => (
    <section aria-busy="true" aria-labelledby="jobs-heading" className="grid max-w-sm gap-3">
      <h2 id="jobs-heading" className="text-lg font-semibold">
        Today’s jobs
      </h2>
      <p className="sr-only" role="status">
        Loading jobs…
      </p>
      {[1, 2].map((key) => (
        <div key={key} className="grid gap-2 rounded-lg border border-border p-4">
          <Skeleton className="h-5 w-2/3" />
          <Skeleton className="h-4 w-1/2" />
          <Skeleton className="h-11 w-full" />
        </div>
      ))}
    </section>
  ),
};
