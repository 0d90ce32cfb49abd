import { describe, expect, it } from 'vitest';
import { filterMembers, foldForSearch, sameIds, sortMembers, toggleRole } from './members';

const role = (name: string) => ({ id: name, key: name.toLowerCase(), name });
const members = [
  { name: 'Olivia Office', email: 'office@demo.test', status: 'active' as const, roles: [role('Office Staff')] },
  { name: 'José Álvarez', email: 'jose@demo.test', status: 'suspended' as const, roles: [role('Crew')] },
  { name: 'Avery Admin', email: 'admin@demo.test', status: 'active' as const, roles: [role('Admin')] },
  { name: '', email: 'new@demo.test', status: 'invited' as const, roles: [role('Crew'), role('Admin')] },
];

describe('filterMembers', () => {
  it('keeps everyone for an empty or blank query', () => {
    expect(filterMembers(members, '')).toHaveLength(4);
    expect(filterMembers(members, '   ')).toHaveLength(4);
  });

  it('matches name, email and role names, ignoring case and accents', () => {
    expect(filterMembers(members, 'JOSE').map((member) => member.email)).toEqual(['jose@demo.test']);
    expect(filterMembers(members, 'alvarez').map((member) => member.email)).toEqual(['jose@demo.test']);
    expect(filterMembers(members, 'office@').map((member) => member.email)).toEqual(['office@demo.test']);
    expect(filterMembers(members, 'crew').map((member) => member.email)).toEqual(['jose@demo.test', 'new@demo.test']);
  });

  it('needs every word to match, in any order', () => {
    expect(filterMembers(members, 'admin crew').map((member) => member.email)).toEqual(['new@demo.test']);
    expect(filterMembers(members, 'olivia crew')).toEqual([]);
  });

  it('folds accents and case', () => {
    expect(foldForSearch('ÁLVAREZ Núñez')).toBe('alvarez nunez');
  });
});

describe('sortMembers', () => {
  it('sorts by name, the email standing in for a missing name', () => {
    expect(sortMembers(members, 'name', 'ascending', 'en').map((member) => member.email)).toEqual([
      'admin@demo.test',
      'jose@demo.test',
      'new@demo.test',
      'office@demo.test',
    ]);
    expect(sortMembers(members, 'name', 'descending', 'en')[0]?.email).toBe('office@demo.test');
  });

  it('sorts by status with active people first, stable among equals', () => {
    expect(sortMembers(members, 'status', 'ascending').map((member) => member.status)).toEqual([
      'active',
      'active',
      'invited',
      'suspended',
    ]);
    expect(sortMembers(members, 'status', 'ascending')[0]?.email).toBe('office@demo.test');
  });

  it('sorts by role names, each member’s roles in alphabetical order', () => {
    expect(sortMembers(members, 'roles', 'ascending', 'en').map((member) => member.email)).toEqual([
      'admin@demo.test',
      'new@demo.test',
      'jose@demo.test',
      'office@demo.test',
    ]);
  });

  it('does not change the list it is given', () => {
    const before = members.map((member) => member.email);
    sortMembers(members, 'email', 'descending');
    expect(members.map((member) => member.email)).toEqual(before);
  });
});

describe('toggleRole and sameIds', () => {
  const all = ['a', 'b', 'c'];
  it('adds and removes a role, keeping the order of the business’s roles', () => {
    expect(toggleRole(['c'], 'a', true, all)).toEqual(['a', 'c']);
    expect(toggleRole(['a', 'c'], 'a', false, all)).toEqual(['c']);
    expect(toggleRole(['a'], 'a', true, all)).toEqual(['a']);
  });

  it('compares sets of ids', () => {
    expect(sameIds(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameIds(['a'], ['a', 'b'])).toBe(false);
    expect(sameIds(['a', 'c'], ['a', 'b'])).toBe(false);
  });
});
