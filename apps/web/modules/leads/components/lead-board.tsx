'use client';

import {
  type Announcements,
  type CollisionDetection,
  closestCenter,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  MouseSensor,
  pointerWithin,
  TouchSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { useQueryClient } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { problemOf } from '../../data/api-client';
import { ProblemAlert } from '../../data/components/problem-alert';
import { isStale } from '../../data/problem-fields';
import { columnCoordinates } from '../board-keyboard';
import { appendToColumn, type Board, type BoardColumn, type BoardLead, findLead } from '../board-state';
import { type LeadStage, leadKeys, leadQueries, useBoardMove } from '../leads-api';
import { LeadCardBody } from './lead-card';
import { LeadColumn } from './lead-column';
import { leadName, StaleAlert } from './leads-ui';

// The dialogs arrive with their first use: the board's first load carries the board alone.
const MoveToDialog = dynamic(() => import('./move-to-dialog').then((module) => module.MoveToDialog));
const LostReasonDialog = dynamic(() => import('./lost-reason-dialog').then((module) => module.LostReasonDialog));

// The mouse drags after 6 px (a click on the name still opens the lead); touch after a 250 ms press, so a
// swipe keeps scrolling the board sideways.
const MOUSE = { activationConstraint: { distance: 6 } };
const TOUCH = { activationConstraint: { delay: 250, tolerance: 8 } };

/** The pointer's column while the mouse or a finger drags; the nearest column while the keyboard does. */
const collisions: CollisionDetection = (args) => (args.pointerCoordinates ? pointerWithin(args) : closestCenter(args));

type Via = 'drag' | 'menu';

/** Where focus goes once the board is drawn: a card's control (the grip or "Move to…") in a given column. */
interface FocusTarget {
  leadId: string;
  via: Via;
  /** The column the card is expected in: focus waits until it is there (an optimistic move lands a tick later). */
  stageId: string;
}

/** Focuses the control a move was made with on the lead's card, once the card is in the expected column. */
function focusCardControl(target: FocusTarget | undefined): boolean {
  if (!target) return false;
  const attribute = target.via === 'drag' ? 'data-drag-handle' : 'data-move-trigger';
  const element = document.querySelector<HTMLElement>(
    `[data-stage-id="${CSS.escape(target.stageId)}"] [${attribute}="${CSS.escape(target.leadId)}"]`,
  );
  if (!element) return false;
  if (element !== document.activeElement) {
    element.focus();
    element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
  return true;
}

/**
 * The pipeline board: a column per stage, cards moved between them by dragging (mouse, touch, keyboard) or
 * with each card's "Move to…". A move shows at once and is undone if the API refuses it; a lost stage asks for
 * the reason first. Screen readers hear every step of a drag, in the page's language.
 */
export function LeadBoard({
  board,
  canWrite,
  assigneeName,
}: {
  board: Board;
  canWrite: boolean;
  assigneeName: (userId: string) => string | undefined;
}) {
  const t = useTranslations('leads.board');
  const td = useTranslations('leads.dnd');
  const client = useQueryClient();
  const move = useBoardMove();
  const stages: LeadStage[] = board.columns.map((column) => column.stage);
  const stageById = new Map(stages.map((stage) => [stage.id, stage]));
  const [dragged, setDragged] = useState<BoardLead>();
  const [lost, setLost] = useState<{ lead: BoardLead; stage: LeadStage; via: Via }>();
  const [moveMenuFor, setMoveMenuFor] = useState<BoardLead>();
  const [problem, setProblem] = useState<unknown>();
  const [status, setStatus] = useState('');
  const [loadingMore, setLoadingMore] = useState<string>();
  const [moreProblem, setMoreProblem] = useState<unknown>();
  // After a move the card is drawn in its new column: focus follows it to the same control there.
  const focusAfterMove = useRef<FocusTarget>(undefined);

  const sensors = useSensors(
    useSensor(MouseSensor, MOUSE),
    useSensor(TouchSensor, TOUCH),
    useSensor(KeyboardSensor, { coordinateGetter: columnCoordinates }),
  );

  // Once, when the moved card is drawn in its new place (and not behind the reason dialog, which has focus).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs each time the board is drawn anew
  useEffect(() => {
    if (lost || moveMenuFor) return;
    if (focusCardControl(focusAfterMove.current)) focusAfterMove.current = undefined;
  }, [board, lost, moveMenuFor]);

  function returnFocus() {
    if (focusCardControl(focusAfterMove.current)) focusAfterMove.current = undefined;
  }

  const stageName = (id: unknown) => (typeof id === 'string' ? (stageById.get(id)?.name ?? '') : '');
  const leadOf = (id: unknown) => (typeof id === 'string' ? findLead(board, id)?.lead : undefined);

  async function moveLead(lead: BoardLead, stage: LeadStage, via: Via, reason?: string) {
    setProblem(undefined);
    focusAfterMove.current = { leadId: lead.id, via, stageId: stage.id };
    try {
      const updated = await move.mutateAsync({ lead, stageId: stage.id, reason });
      setStatus(t('moved', { lead: leadName(updated), stage: stage.name }));
    } catch (error) {
      // A lost stage the page did not know was one (renamed or changed meanwhile): ask, as for any lost stage.
      if (problemOf(error).status === 422 && problemOf(error).fieldErrors.reason && !reason) {
        setLost({ lead, stage, via });
        return;
      }
      if (reason) throw error; // the reason dialog shows it and stays open
      focusAfterMove.current = undefined; // the alert takes focus
      setProblem(error);
      setStatus(t('moveFailed', { lead: leadName(lead) }));
    }
  }

  function requestMove(lead: BoardLead, stage: LeadStage, via: Via) {
    if (lead.stageId === stage.id) return;
    if (stage.kind === 'lost') {
      focusAfterMove.current = { leadId: lead.id, via, stageId: lead.stageId };
      setLost({ lead, stage, via });
      return;
    }
    void moveLead(lead, stage, via);
  }

  function onDragStart({ active }: DragStartEvent) {
    setDragged(leadOf(active.id));
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    setDragged(undefined);
    const lead = leadOf(active.id);
    const stage = typeof over?.id === 'string' ? stageById.get(over.id) : undefined;
    if (lead && stage) requestMove(lead, stage, 'drag');
  }

  async function showMore(column: BoardColumn) {
    if (!column.nextCursor) return;
    setLoadingMore(column.stage.id);
    setMoreProblem(undefined);
    try {
      const page = await leadQueries.columnPage(column.stage.id, column.nextCursor);
      client.setQueryData<Board>(
        leadKeys.board,
        (current) => current && appendToColumn(current, column.stage.id, page),
      );
    } catch (error) {
      setMoreProblem(error);
    } finally {
      setLoadingMore(undefined);
    }
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const lead = leadOf(active.id);
      return lead ? td('start', { lead: leadName(lead), stage: stageName(lead.stageId) }) : undefined;
    },
    onDragOver: ({ active, over }) => {
      const lead = leadOf(active.id);
      if (!lead) return undefined;
      return over
        ? td('over', { lead: leadName(lead), stage: stageName(over.id) })
        : td('outside', { lead: leadName(lead) });
    },
    onDragEnd: ({ active, over }) => {
      const lead = leadOf(active.id);
      if (!lead) return undefined;
      if (!over || over.id === lead.stageId)
        return td('stayed', { lead: leadName(lead), stage: stageName(lead.stageId) });
      const stage = stageById.get(String(over.id));
      if (stage?.kind === 'lost') return td('needsReason', { lead: leadName(lead), stage: stage.name });
      return td('dropped', { lead: leadName(lead), stage: stageName(over.id) });
    },
    onDragCancel: ({ active }) => {
      const lead = leadOf(active.id);
      return lead ? td('cancelled', { lead: leadName(lead), stage: stageName(lead.stageId) }) : undefined;
    },
  };

  return (
    <div className="space-y-4">
      <p role="status" className="sr-only">
        {status}
      </p>
      {isStale(problem) ? (
        <StaleAlert
          onReload={() => {
            setProblem(undefined);
            void client.invalidateQueries({ queryKey: leadKeys.board });
          }}
        />
      ) : (
        <ProblemAlert error={problem} title={t('moveFailedTitle')} />
      )}
      <ProblemAlert error={moreProblem} />
      <DndContext
        sensors={sensors}
        collisionDetection={collisions}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragged(undefined)}
        accessibility={{ announcements, screenReaderInstructions: { draggable: td('instructions') } }}
      >
        {/* Columns side by side; on a phone one column fills the screen and the board snaps column by column. */}
        <div className="-mx-4 flex snap-x snap-mandatory scroll-px-4 gap-3 overflow-x-auto px-4 pb-4 sm:-mx-6 sm:scroll-px-6 sm:px-6">
          {board.columns.map((column) => (
            <LeadColumn
              key={column.stage.id}
              column={column}
              canWrite={canWrite}
              assigneeName={assigneeName}
              onOpenMoveTo={(lead) => {
                focusAfterMove.current = { leadId: lead.id, via: 'menu', stageId: lead.stageId };
                setMoveMenuFor(lead);
              }}
              onShowMore={showMore}
              loadingMore={loadingMore === column.stage.id}
            />
          ))}
        </div>
        <DragOverlay>
          {dragged ? (
            <div
              aria-hidden="true"
              className="w-72 space-y-2 rounded-lg border border-primary bg-background p-3 shadow-lg"
            >
              <LeadCardBody lead={dragged} assigneeName={assigneeName} preview />
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
      {moveMenuFor ? (
        <MoveToDialog
          lead={moveMenuFor}
          stages={stages}
          onClose={() => setMoveMenuFor(undefined)}
          onMove={(stage) => {
            const lead = moveMenuFor;
            setMoveMenuFor(undefined);
            requestMove(lead, stage, 'menu');
          }}
          returnFocus={returnFocus}
        />
      ) : null}
      {lost ? (
        <LostReasonDialog
          target={lost}
          returnFocus={returnFocus}
          onCancel={() => {
            focusAfterMove.current = { leadId: lost.lead.id, via: lost.via, stageId: lost.lead.stageId };
            setStatus(td('cancelled', { lead: leadName(lost.lead), stage: stageName(lost.lead.stageId) }));
            setLost(undefined);
          }}
          onConfirm={async (reason) => {
            await moveLead(lost.lead, lost.stage, lost.via, reason);
            setLost(undefined);
          }}
        />
      ) : null}
    </div>
  );
}
