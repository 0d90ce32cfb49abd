import { describe, expect, it } from 'vitest';
import { normalizeEmail, normalizePhone, normalizeTag } from './crm-constants.js';

describe('normalizePhone', () => {
  it.each([
    ['(512) 555-0123', '+15125550123'],
    ['512.555.0123', '+15125550123'],
    ['512 555 0123', '+15125550123'],
    ['1-512-555-0123', '+15125550123'],
    ['+1 (512) 555-0123', '+15125550123'],
    ['+44 20 7946 0958', '+442079460958'],
    ['0044 20 7946 0958', '+442079460958'],
  ])('reads %s as %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it('reads national numbers in the business’s calling code', () => {
    expect(normalizePhone('020 7946 0958', '44')).toBe('+442079460958');
    expect(normalizePhone('+1 512 555 0123', '44')).toBe('+15125550123');
  });

  it.each([
    '555-0123',
    '512 555 01234',
    '+1 512 555 012',
    '+0 123 456 789',
    '512-555-0123 ext 4',
    'call me',
    '',
    '+1234567890123456',
  ])('refuses %j', (input) => {
    expect(normalizePhone(input)).toBeUndefined();
  });
});

describe('normalizeEmail and normalizeTag', () => {
  it('trim and lower-case', () => {
    expect(normalizeEmail('  Jordan.Smith@Example.COM ')).toBe('jordan.smith@example.com');
    expect(normalizeTag(' Net  30 ')).toBe('net-30');
    expect(normalizeTag('VIP')).toBe('vip');
  });
});
