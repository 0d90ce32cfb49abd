'use client';

import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@ontrack/ui/select';

/**
 * The business picker of people with several businesses (Radix Select). Its own module, loaded only for them:
 * most people work in one business and never need the select's code.
 */
export function BusinessPicker({
  value,
  options,
  labelledBy,
  disabled,
  onChange,
}: {
  value: string;
  options: readonly { id: string; name: string }[];
  labelledBy: string;
  disabled: boolean;
  onChange: (tenantId: string) => void;
}) {
  return (
    <Select value={value} onValueChange={onChange} disabled={disabled}>
      <SelectTrigger aria-labelledby={labelledBy} className="w-full">
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {options.map((option) => (
          <SelectItem key={option.id} value={option.id}>
            {option.name}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
