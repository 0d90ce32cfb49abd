import { describe, expect, it } from 'vitest';
import { appendToColumn, type Board, type BoardLead, moveLeadOnBoard, replaceLead } from './board-state';

const stage = (id: string, position: number) => ({
  id,
  key: null,
  name: `Stage ${id}`,
  position,
  kind: 'open' as const,
  isDefault: position === 1,
  archivedAt: null,
  version: 1,
});

const lead = (id: string, stageId: string, amountMinor: number | null, currency = 'USD'): BoardLead => ({
  id,
  source: 'phone',
  requestedService: 'Mowing',
  contact: { id: `contact-${id}`, displayName: `Contact ${id}` },
  propertyId: null,
  stageId,
  assigneeUserId: null,
  estimatedValue: amountMinor === null ? null : { amountMinor, currency },
  nextFollowUpOn: null,
  lostReason: null,
  convertedAt: null,
  notes: null,
  version: 3,
  createdAt: '2026-03-16T10:00:00Z',
  updatedAt: '2026-03-16T10:00:00Z',
  deletedAt: null,
});

function board(): Board {
  return {
    columns: [
      {
        stage: stage('a', 1),
        count: 3,
        totals: [{ currency: 'USD', amountMinor: 15000 }],
        leads: [lead('1', 'a', 10000), lead('2', 'a', 5000), lead('3', 'a', null)],
        nextCursor: null,
      },
      {
        stage: stage('b', 2),
        count: 1,
        totals: [{ currency: 'EUR', amountMinor: 700 }],
        leads: [lead('4', 'b', 700, 'EUR')],
        nextCursor: 'next',
      },
    ],
  };
}

describe('moveLeadOnBoard', () => {
  it('moves the lead on top of the target column with counts and per-currency totals', () => {
    const moved = moveLeadOnBoard(board(), '1', 'b');
    const [a, b] = moved.columns;
    expect(a?.count).toBe(2);
    expect(a?.leads.map((entry) => entry.id)).toEqual(['2', '3']);
    expect(a?.totals).toEqual([{ currency: 'USD', amountMinor: 5000 }]);
    expect(b?.count).toBe(2);
    expect(b?.leads.map((entry) => entry.id)).toEqual(['1', '4']);
    expect(b?.leads[0]?.stageId).toBe('b');
    expect(b?.totals).toEqual([
      { currency: 'EUR', amountMinor: 700 },
      { currency: 'USD', amountMinor: 10000 },
    ]);
  });

  it('drops a currency whose last value left, and leaves totals alone for a lead without value', () => {
    const once = moveLeadOnBoard(board(), '4', 'a');
    expect(once.columns[1]?.totals).toEqual([]);
    expect(once.columns[0]?.totals).toEqual([
      { currency: 'USD', amountMinor: 15000 },
      { currency: 'EUR', amountMinor: 700 },
    ]);
    const valueless = moveLeadOnBoard(board(), '3', 'b');
    expect(valueless.columns[0]?.totals).toEqual([{ currency: 'USD', amountMinor: 15000 }]);
    expect(valueless.columns[1]?.totals).toEqual([{ currency: 'EUR', amountMinor: 700 }]);
  });

  it('takes the API’s lead when given, and ignores unknown leads or stages', () => {
    const confirmed = { ...lead('1', 'b', 10000), version: 4 };
    expect(moveLeadOnBoard(board(), '1', 'b', confirmed).columns[1]?.leads[0]?.version).toBe(4);
    const original = board();
    expect(moveLeadOnBoard(original, 'missing', 'b')).toBe(original);
    expect(moveLeadOnBoard(original, '1', 'missing')).toBe(original);
    expect(moveLeadOnBoard(original, '1', 'a')).toBe(original);
  });
});

describe('replaceLead and appendToColumn', () => {
  it('replaces a lead in place', () => {
    const updated = { ...lead('2', 'a', 5000), requestedService: 'Pruning' };
    expect(replaceLead(board(), updated).columns[0]?.leads[1]?.requestedService).toBe('Pruning');
  });

  it('appends the next page without repeating leads already shown', () => {
    const next = appendToColumn(board(), 'b', {
      items: [lead('4', 'b', 700, 'EUR'), lead('5', 'b', null)],
      nextCursor: null,
    });
    expect(next.columns[1]?.leads.map((entry) => entry.id)).toEqual(['4', '5']);
    expect(next.columns[1]?.nextCursor).toBeNull();
    expect(next.columns[1]?.count).toBe(1);
  });
});
