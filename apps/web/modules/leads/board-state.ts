import type { LeadBoard, LeadView } from '@ontrack/schemas/leads';

// The board as the page holds it (the answer of GET /leads/board, plus what "Show more" appended), and the
// changes a move makes to it: pure functions, so the optimistic update and its rollback are tested alone.

export type Board = LeadBoard;
export type BoardColumn = Board['columns'][number];
export type BoardLead = LeadView;
type Total = BoardColumn['totals'][number];

export function findLead(board: Board, leadId: string): { column: BoardColumn; lead: BoardLead } | undefined {
  for (const column of board.columns) {
    const lead = column.leads.find((candidate) => candidate.id === leadId);
    if (lead) return { column, lead };
  }
  return undefined;
}

/** Adds (sign 1) or removes (sign -1) a lead's value from a column's totals; a currency that reaches 0 leads goes. */
function adjustTotals(totals: readonly Total[], lead: BoardLead, sign: 1 | -1): Total[] {
  const value = lead.estimatedValue;
  if (!value) return [...totals];
  const existing = totals.find((total) => total.currency === value.currency);
  if (!existing) {
    return sign === 1 ? [...totals, { currency: value.currency, amountMinor: value.amountMinor }] : [...totals];
  }
  return totals
    .map((total) =>
      total.currency === value.currency
        ? { ...total, amountMinor: total.amountMinor + sign * value.amountMinor }
        : total,
    )
    .filter((total) => !(sign === -1 && total.currency === value.currency && total.amountMinor <= 0));
}

/**
 * The board after `leadId` moved to `toStageId`: out of its column (count and totals down), on top of the
 * target column (the board is ordered by last change, and a move is one), counts and totals up.
 * `updated` is the lead as the API returned it, when known. Unknown lead or stage: the board unchanged.
 */
export function moveLeadOnBoard(board: Board, leadId: string, toStageId: string, updated?: BoardLead): Board {
  const found = findLead(board, leadId);
  if (!found || !board.columns.some((column) => column.stage.id === toStageId)) return board;
  if (found.column.stage.id === toStageId) return updated ? replaceLead(board, updated) : board;
  const moved: BoardLead = updated ?? { ...found.lead, stageId: toStageId };
  return {
    ...board,
    columns: board.columns.map((column) => {
      if (column.stage.id === found.column.stage.id) {
        return {
          ...column,
          count: Math.max(0, column.count - 1),
          totals: adjustTotals(column.totals, found.lead, -1),
          leads: column.leads.filter((lead) => lead.id !== leadId),
        };
      }
      if (column.stage.id === toStageId) {
        return {
          ...column,
          count: column.count + 1,
          totals: adjustTotals(column.totals, moved, 1),
          leads: [moved, ...column.leads],
        };
      }
      return column;
    }),
  };
}

/** The board with one lead replaced in place (after the API confirmed a change that kept its stage). */
export function replaceLead(board: Board, updated: BoardLead): Board {
  return {
    ...board,
    columns: board.columns.map((column) =>
      column.leads.some((lead) => lead.id === updated.id)
        ? { ...column, leads: column.leads.map((lead) => (lead.id === updated.id ? updated : lead)) }
        : column,
    ),
  };
}

/** The board with a column's next page appended ("Show more"); leads already shown are not repeated. */
export function appendToColumn(
  board: Board,
  stageId: string,
  page: { items: readonly BoardLead[]; nextCursor: string | null },
): Board {
  return {
    ...board,
    columns: board.columns.map((column) => {
      if (column.stage.id !== stageId) return column;
      const shown = new Set(column.leads.map((lead) => lead.id));
      return {
        ...column,
        leads: [...column.leads, ...page.items.filter((lead) => !shown.has(lead.id))],
        nextCursor: page.nextCursor,
      };
    }),
  };
}
