import { describe, expect, it } from 'vitest';
import { buttonClassName } from './button.js';

const classes = (value: string) => value.split(' ');

describe('buttonClassName', () => {
  it('defaults to the primary variant at the medium size', () => {
    const result = classes(buttonClassName());
    expect(result).toContain('bg-primary');
    expect(result).toContain('text-primary-foreground');
    expect(result).toContain('px-4');
  });

  it('keeps the 44px touch target and the focus ring for every variant and size', () => {
    for (const variant of ['primary', 'secondary', 'ghost'] as const) {
      for (const size of ['sm', 'md', 'lg'] as const) {
        const result = classes(buttonClassName({ variant, size }));
        expect(result.some((c) => c === 'min-h-11' || c === 'min-h-12')).toBe(true);
        expect(result).toContain('focus-visible:outline-ring');
      }
    }
  });

  it('never sets the same property twice, since Tailwind would not let the later class win', () => {
    const result = classes(buttonClassName({ variant: 'secondary', size: 'lg' }));
    expect(result.filter((c) => c.startsWith('min-h-'))).toHaveLength(1);
    expect(result.filter((c) => /^border-(?!\d)/.test(c) && c !== 'border')).toHaveLength(1);
  });

  it('switches the colours with the variant', () => {
    expect(classes(buttonClassName({ variant: 'secondary' }))).toContain('border-border-strong');
    expect(classes(buttonClassName({ variant: 'ghost' }))).toContain('bg-transparent');
    expect(classes(buttonClassName({ variant: 'ghost' }))).not.toContain('bg-primary');
  });

  it('appends extra classes last and ignores an undefined one', () => {
    expect(buttonClassName({ className: 'w-full' }).endsWith(' w-full')).toBe(true);
    expect(buttonClassName({ className: undefined })).not.toMatch(/undefined|\s$/);
  });
});
