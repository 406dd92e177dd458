// Roving focus in the month grid and the week's columns: one day holds the tab stop, keys move it
// (grid-keys.ts decides where), and focus follows to the new day's cell once it is on screen, even
// when the move changed the period shown. Keys on an item inside a cell move between days too,
// except Enter and Space, which belong to the item.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { WeekStart } from './day-math';
import { gridKey, type GridView } from './grid-keys';

interface GridFocusOptions {
  day: string;
  view: GridView;
  weekStart: WeekStart;
  setDay: (day: string) => void;
  onToday: () => void;
  onOpen: (day: string) => void;
  onNew: (day: string) => void;
}

export interface GridFocus {
  /** A callback ref for the element with role="grid". */
  setElement: (element: HTMLDivElement | null) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

export function useGridFocus(options: GridFocusOptions): GridFocus {
  const { day, view, weekStart, setDay, onToday, onOpen, onNew } = options;
  const [grid, setGrid] = useState<HTMLDivElement | null>(null);
  const wantFocus = useRef(false);

  const focusCell = (target: string) =>
    grid?.querySelector<HTMLElement>(`[role="gridcell"][data-day="${target}"]`)?.focus();

  useEffect(() => {
    if (!wantFocus.current) return;
    wantFocus.current = false;
    grid?.querySelector<HTMLElement>(`[role="gridcell"][data-day="${day}"]`)?.focus();
  }, [day, view, grid]);

  function onKeyDown(event: KeyboardEvent<HTMLElement>): void {
    if (!(event.target instanceof HTMLElement)) return;
    const cell = event.target.closest<HTMLElement>('[role="gridcell"][data-day]');
    const cellDay = cell?.dataset.day;
    if (!cell || !cellDay) return;
    const onCell = event.target === cell;
    const result = gridKey(event.nativeEvent, cellDay, view, weekStart);
    if (result === null) return;
    if (!onCell && (result.kind === 'open' || (result.kind === 'new' && event.key === ' '))) return;
    event.preventDefault();
    switch (result.kind) {
      case 'focus':
        wantFocus.current = true;
        if (result.day === day) focusCell(day);
        setDay(result.day);
        return;
      case 'today':
        wantFocus.current = true;
        onToday();
        return;
      case 'open':
        onOpen(result.day);
        return;
      case 'new':
        onNew(result.day);
        return;
    }
  }

  return { setElement: setGrid, onKeyDown };
}
