import { Popover as PopoverPrimitive } from 'radix-ui';
import {
  type ComponentProps,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { cn, fieldBase, focusRing } from './class-names';
import { CheckIcon, ChevronDownIcon, LoaderIcon, PlusIcon } from './icons';

// An editable combobox (WAI-ARIA 1.2 pattern, "list autocomplete"): focus never leaves the text field, the
// highlighted option is announced through aria-activedescendant, and the popup is a listbox. Radix Popover
// only positions the popup (collision-aware, portalled out of clipping containers); it is non-modal on
// purpose, because a modal popover hides the rest of the page with aria-hidden — including the focused input.

export interface ComboboxOption {
  value: string;
  label: string;
  /** A second line under the label (an address, a code); searched and read with the option. */
  description?: string;
  /** Extra words that find the option without being shown (an old name, an abbreviation). */
  keywords?: readonly string[];
  disabled?: boolean;
}

/** Every text the combobox says itself; English defaults, pass the app's translations. */
export interface ComboboxLabels {
  /** Name of the button that opens the list (a pointer affordance; keyboard users have Alt+ArrowDown). */
  toggle: string;
  loading: string;
  noResults: string;
  /** Announced after typing, so a screen-reader user knows whether the list has anything in it. */
  results: (count: number) => string;
  /** Text of the "create" option for what was typed. */
  create: (text: string) => string;
}

export const defaultComboboxLabels: ComboboxLabels = {
  toggle: 'Show options',
  loading: 'Loading…',
  noResults: 'No results',
  results: (count) => (count === 1 ? '1 result available.' : `${count} results available.`),
  create: (text) => `Create “${text}”`,
};

export type ComboboxFilter = (options: readonly ComboboxOption[], query: string) => ComboboxOption[];

/** Case- and accent-insensitive form used for matching ("Peña" is found by "pena"). */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The default filter: every word typed must appear in the label, description or keywords, in any order.
 * Options whose label starts with the query come first, then those with a word starting with it, then the
 * rest, each group in the given order (the caller's order is usually meaningful: recent, alphabetical).
 */
export function filterOptions(options: readonly ComboboxOption[], query: string): ComboboxOption[] {
  const normalized = normalizeSearchText(query);
  if (normalized === '') return [...options];
  const terms = normalized.split(' ');
  const ranked: Array<{ option: ComboboxOption; rank: number; position: number }> = [];
  for (const [position, option] of options.entries()) {
    const label = normalizeSearchText(option.label);
    const haystack = [label, option.description ?? '', ...(option.keywords ?? [])]
      .map((part) => normalizeSearchText(part))
      .join(' ');
    if (!terms.every((term) => haystack.includes(term))) continue;
    const rank = label.startsWith(normalized)
      ? 0
      : label.split(' ').some((word) => word.startsWith(terms[0] ?? ''))
        ? 1
        : 2;
    ranked.push({ option, rank, position });
  }
  return ranked.sort((a, b) => a.rank - b.rank || a.position - b.position).map((entry) => entry.option);
}

/** Whether to offer "create …": something was typed and no option already has exactly that label. */
export function shouldOfferCreate(query: string, options: readonly ComboboxOption[]): boolean {
  const normalized = normalizeSearchText(query);
  return normalized !== '' && !options.some((option) => normalizeSearchText(option.label) === normalized);
}

export type ListMove = 'next' | 'previous' | 'first' | 'last';

/**
 * The index the highlight moves to, skipping disabled items. Next/previous wrap around (as in the APG
 * examples); with nothing highlighted, next starts at the top and previous at the bottom. -1: nothing enabled.
 */
export function moveHighlight(disabled: readonly boolean[], current: number, move: ListMove): number {
  const count = disabled.length;
  if (count === 0) return -1;
  const enabled = (index: number) => disabled[index] === false;
  const scan = (start: number, step: 1 | -1, wrap: boolean) => {
    for (let offset = 0; offset < count; offset++) {
      const raw = start + offset * step;
      if (!wrap && (raw < 0 || raw >= count)) return -1;
      const index = ((raw % count) + count) % count;
      if (enabled(index)) return index;
    }
    return -1;
  };
  switch (move) {
    case 'first':
      return scan(0, 1, false);
    case 'last':
      return scan(count - 1, -1, false);
    case 'next':
      return current < 0 ? scan(0, 1, false) : scan(current + 1, 1, true);
    case 'previous':
      return current < 0 ? scan(count - 1, -1, false) : scan(current - 1, -1, true);
  }
}

const CREATE_KEY = '\u0000create';

interface Item {
  key: string;
  label: string;
  description?: string | undefined;
  disabled: boolean;
  option: ComboboxOption | null;
}

export interface ComboboxProps
  extends Omit<ComponentProps<'input'>, 'value' | 'defaultValue' | 'onChange' | 'type' | 'role' | 'children'> {
  options: readonly ComboboxOption[];
  /** The chosen option's value; null when nothing is chosen. */
  value?: string | null;
  defaultValue?: string | null;
  onValueChange?: (value: string | null, option: ComboboxOption | null) => void;
  /**
   * The text in the field. Control it (with onInputChange) to search on the server: pass the results as
   * `options`, and the built-in filter is then off unless `filter` is given.
   */
  inputValue?: string;
  /** `reason` tells typing apart from the field showing a chosen label, which needs no new search. */
  onInputChange?: (text: string, reason: 'input' | 'select' | 'clear') => void;
  /** How typed text narrows the options; `false` shows them as given. Default: {@link filterOptions}. */
  filter?: ComboboxFilter | false;
  /** Results are on their way: said in the list and announced. */
  loading?: boolean;
  /** Offers a "create …" option for text that matches no option; called with the text when chosen. */
  onCreate?: (text: string) => void;
  /**
   * Turns typed text that matches no option into one (a time typed as "7:10"), chosen on Enter or when
   * the field loses focus. Without it, unmatched text is put back to the chosen option's label.
   */
  parseInput?: (text: string) => ComboboxOption | null;
  labels?: Partial<ComboboxLabels>;
  /** Classes for the wrapper (width, margins); the field itself fills it. */
  className?: string;
  /** Shown before the option label, e.g. a status dot or an avatar. */
  renderOptionPrefix?: (option: ComboboxOption) => ReactNode;
  /** Starts with the list shown (for stories and tests). */
  defaultOpen?: boolean;
}

/**
 * A text field with a list of suggestions to choose one value from. Name it like any field (FormField puts
 * its id, aria-describedby, aria-invalid and aria-required on the input). `name` submits the chosen value
 * through a hidden input, not the typed text.
 */
export function Combobox({
  options,
  value: valueProp,
  defaultValue = null,
  onValueChange,
  inputValue: inputValueProp,
  onInputChange,
  filter,
  loading = false,
  onCreate,
  parseInput,
  labels: labelsProp,
  className,
  renderOptionPrefix,
  defaultOpen = false,
  name,
  disabled,
  onKeyDown,
  onBlur,
  onClick,
  id: idProp,
  placeholder,
  ...inputProps
}: ComboboxProps) {
  const labels = { ...defaultComboboxLabels, ...labelsProp };
  const generated = useId();
  const inputId = idProp ?? `${generated}-input`;
  const listboxId = `${generated}-listbox`;
  const optionId = (index: number) => `${generated}-option-${index}`;

  const [uncontrolledValue, setUncontrolledValue] = useState<string | null>(defaultValue);
  const value = valueProp !== undefined ? valueProp : uncontrolledValue;
  // The chosen option is remembered: with server search, the current results may no longer contain it.
  const [chosen, setChosen] = useState<ComboboxOption | null>(
    () => options.find((option) => option.value === value) ?? null,
  );
  const selected =
    value === null
      ? null
      : (options.find((option) => option.value === value) ?? (chosen?.value === value ? chosen : null));
  const selectedLabel = selected?.label ?? '';

  const [uncontrolledText, setUncontrolledText] = useState(selectedLabel);
  const text = inputValueProp !== undefined ? inputValueProp : uncontrolledText;

  const [open, setOpen] = useState(defaultOpen);
  // `filtering`: the user has typed since the last choice, so the text is a query and not the chosen label.
  const [filtering, setFiltering] = useState(false);
  // While typing, the first match is highlighted (Enter takes it); arrow keys switch to explicit navigation.
  const [autoHighlight, setAutoHighlight] = useState(false);
  const [highlightedKey, setHighlightedKey] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const anchorRef = useRef<HTMLDivElement>(null);

  // A listbox needs a name of its own (axe: aria-input-field-name). It takes the field's: the aria-labelledby
  // or aria-label given, else the <label for> pointing at the input (FormField's), read when the list opens.
  const [listName, setListName] = useState<{ labelledBy?: string; label?: string }>({});
  function nameOfList(): { labelledBy?: string; label?: string } {
    const labelledBy = inputProps['aria-labelledby'];
    if (labelledBy) return { labelledBy };
    if (inputProps['aria-label']) return { label: inputProps['aria-label'] };
    const label = inputRef.current?.labels?.[0];
    if (label?.id) return { labelledBy: label.id };
    return label?.textContent ? { label: label.textContent } : {};
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: the name is read from the DOM each time the list opens
  useEffect(() => {
    if (open) setListName(nameOfList());
  }, [open]);

  // A value set from outside (a form reset, a loaded record) shows its label, unless the user is typing.
  const lastSelectedLabel = useRef(selectedLabel);
  useEffect(() => {
    if (lastSelectedLabel.current === selectedLabel) return;
    lastSelectedLabel.current = selectedLabel;
    if (!filtering && inputValueProp === undefined) setUncontrolledText(selectedLabel);
  }, [selectedLabel, filtering, inputValueProp]);

  const activeFilter = filter === undefined ? (inputValueProp === undefined ? filterOptions : false) : filter;
  const visible = filtering && activeFilter ? activeFilter(options, text) : [...options];
  const items: Item[] = visible.map((option) => ({
    key: option.value,
    label: option.label,
    description: option.description,
    disabled: option.disabled === true,
    option,
  }));
  if (onCreate && filtering && !loading && shouldOfferCreate(text, options)) {
    items.push({ key: CREATE_KEY, label: labels.create(text.trim()), disabled: false, option: null });
  }
  const disabledFlags = items.map((item) => item.disabled);
  // "Create" is never highlighted by itself: Enter after typing must not add a record nobody asked for.
  const firstMatch = items.findIndex((item) => !item.disabled && item.key !== CREATE_KEY);
  const highlighted = !open
    ? -1
    : autoHighlight
      ? firstMatch
      : items.findIndex((item) => item.key === highlightedKey && !item.disabled);

  useEffect(() => {
    if (highlighted < 0) return;
    document.getElementById(`${generated}-option-${highlighted}`)?.scrollIntoView({ block: 'nearest' });
  }, [highlighted, generated]);

  function setText(next: string, reason: 'input' | 'select' | 'clear') {
    if (inputValueProp === undefined) setUncontrolledText(next);
    if (next !== text) onInputChange?.(next, reason);
  }

  function setValue(option: ComboboxOption | null) {
    setChosen(option);
    if (valueProp === undefined) setUncontrolledValue(option?.value ?? null);
    if ((option?.value ?? null) !== value) onValueChange?.(option?.value ?? null, option);
  }

  function openList(highlight: 'selected' | 'first' | 'last' | 'none') {
    if (disabled) return;
    setOpen(true);
    setAutoHighlight(false);
    const pool = filtering ? items : items.filter((item) => item.key !== CREATE_KEY);
    const selectedIndex = pool.findIndex((item) => item.key === value);
    const flags = pool.map((item) => item.disabled);
    const index =
      highlight === 'none'
        ? -1
        : selectedIndex >= 0 && !flags[selectedIndex]
          ? selectedIndex
          : highlight === 'last'
            ? moveHighlight(flags, -1, 'last')
            : highlight === 'first'
              ? moveHighlight(flags, -1, 'first')
              : -1;
    setHighlightedKey(index >= 0 ? (pool[index]?.key ?? null) : null);
  }

  function close() {
    setOpen(false);
    setAutoHighlight(false);
    setHighlightedKey(null);
  }

  function choose(item: Item) {
    if (item.disabled) return;
    if (item.key === CREATE_KEY) {
      onCreate?.(text.trim());
      setFiltering(false);
      close();
      return;
    }
    setValue(item.option);
    setText(item.label, 'select');
    setFiltering(false);
    close();
  }

  /** What the field holds when the user leaves it: a chosen option or nothing, never stray text. */
  function settleText() {
    if (!filtering) return;
    setFiltering(false);
    if (text.trim() === '') {
      setValue(null);
      setText('', 'clear');
      return;
    }
    const exact = options.find(
      (option) => !option.disabled && normalizeSearchText(option.label) === normalizeSearchText(text),
    );
    const parsed = exact ?? parseInput?.(text) ?? null;
    if (parsed) {
      setValue(parsed);
      setText(parsed.label, 'select');
      return;
    }
    setText(selectedLabel, 'select');
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    onKeyDown?.(event);
    if (event.defaultPrevented || event.nativeEvent.isComposing) return;
    const move = (to: ListMove) => {
      event.preventDefault();
      setAutoHighlight(false);
      const next = moveHighlight(disabledFlags, highlighted, to);
      setHighlightedKey(next >= 0 ? (items[next]?.key ?? null) : null);
    };
    switch (event.key) {
      case 'ArrowDown':
        if (!open) {
          event.preventDefault();
          openList(event.altKey ? 'none' : 'first');
        } else if (!event.altKey) move('next');
        return;
      case 'ArrowUp':
        if (event.altKey) {
          event.preventDefault();
          close();
        } else if (!open) {
          event.preventDefault();
          openList('last');
        } else move('previous');
        return;
      // Home/End move the caret in the text, as in any field, until the user is moving through the list.
      case 'Home':
        if (open && highlighted >= 0 && !autoHighlight) move('first');
        return;
      case 'End':
        if (open && highlighted >= 0 && !autoHighlight) move('last');
        return;
      case 'Enter': {
        const item = highlighted >= 0 ? items[highlighted] : undefined;
        if (open && item) {
          // The form is not submitted by the Enter that picks an option.
          event.preventDefault();
          choose(item);
        } else if (filtering) {
          event.preventDefault();
          settleText();
          close();
        }
        return;
      }
      case 'Escape':
        if (open) {
          event.preventDefault();
          close();
        } else if (text !== '' || value !== null) {
          // The APG's optional second Escape: clear the field.
          event.preventDefault();
          setText('', 'clear');
          setValue(null);
          setFiltering(false);
        }
        return;
    }
  }

  const status = !open
    ? ''
    : loading
      ? labels.loading
      : items.length === 0
        ? labels.noResults
        : filtering
          ? labels.results(items.length)
          : '';

  // Keeps focus in the field when the list or the toggle is pressed (a blur would settle and close).
  const keepFocus = (event: PointerEvent) => event.preventDefault();

  return (
    <PopoverPrimitive.Root open={open && !disabled} onOpenChange={(next) => (next ? openList('selected') : close())}>
      <PopoverPrimitive.Anchor asChild>
        <div ref={anchorRef} className={cn('relative w-full', className)}>
          <input
            {...inputProps}
            ref={inputRef}
            id={inputId}
            type="text"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={listboxId}
            aria-activedescendant={highlighted >= 0 ? optionId(highlighted) : undefined}
            autoComplete="off"
            autoCorrect="off"
            spellCheck={false}
            disabled={disabled}
            placeholder={placeholder}
            className={cn(fieldBase, 'pe-11')}
            value={text}
            onChange={(event) => {
              setText(event.target.value, 'input');
              setFiltering(true);
              setAutoHighlight(true);
              if (!disabled) setOpen(true);
            }}
            onKeyDown={handleKeyDown}
            onClick={(event) => {
              onClick?.(event);
              if (!open) openList('selected');
            }}
            onBlur={(event) => {
              onBlur?.(event);
              settleText();
              close();
            }}
          />
          {/* Out of the tab order as in the APG example: the field already opens the list from the keyboard. */}
          <button
            type="button"
            tabIndex={-1}
            aria-label={labels.toggle}
            aria-controls={listboxId}
            aria-expanded={open}
            disabled={disabled}
            onPointerDown={keepFocus}
            onClick={() => {
              inputRef.current?.focus();
              if (open) close();
              else openList('selected');
            }}
            className={cn(
              'absolute inset-y-0 end-0 flex w-11 items-center justify-center rounded-e-md text-muted-foreground',
              'disabled:cursor-not-allowed disabled:opacity-60',
              focusRing,
            )}
          >
            <ChevronDownIcon className={cn('size-4 transition-transform', open && 'rotate-180')} />
          </button>
          {name ? <input type="hidden" name={name} value={value ?? ''} /> : null}
          <span role="status" className="sr-only">
            {status}
          </span>
        </div>
      </PopoverPrimitive.Anchor>
      <PopoverPrimitive.Portal>
        <PopoverPrimitive.Content
          // Radix gives the popup role="dialog"; here it is only a frame around the listbox.
          role="presentation"
          align="start"
          sideOffset={4}
          onOpenAutoFocus={(event) => event.preventDefault()}
          onCloseAutoFocus={(event) => event.preventDefault()}
          onInteractOutside={(event) => {
            // The field and its toggle belong to the combobox: pressing them is not "outside".
            if (anchorRef.current?.contains(event.target as Node)) event.preventDefault();
          }}
          onPointerDown={keepFocus}
          className={cn(
            'z-50 w-(--radix-popover-trigger-width) min-w-48 max-w-[calc(100vw-1rem)] overflow-hidden rounded-md',
            'border border-border-strong bg-background text-foreground shadow-lg outline-none',
            'data-[state=open]:animate-fade-in',
          )}
        >
          {loading || items.length === 0 ? (
            // Shown for sighted users; the status region above announces the same words.
            <p aria-hidden="true" className="flex min-h-11 items-center gap-2 px-3 py-2 text-muted-foreground">
              {loading ? <LoaderIcon className="size-4 motion-safe:animate-spin" /> : null}
              {loading ? labels.loading : labels.noResults}
            </p>
          ) : null}
          <div
            id={listboxId}
            role="listbox"
            aria-labelledby={listName.labelledBy}
            aria-label={listName.label}
            aria-busy={loading || undefined}
            className="max-h-[min(20rem,var(--radix-popover-content-available-height))] overflow-y-auto p-1 empty:hidden"
          >
            {items.map((item, index) => {
              const isSelected = item.key === value;
              return (
                // Options are never focused: focus stays in the input and aria-activedescendant points here, so
                // the keyboard is handled there and the click is the pointer's way in.
                // biome-ignore lint/a11y/useFocusableInteractive: see above
                // biome-ignore lint/a11y/useKeyWithClickEvents: see above
                <div
                  key={item.key}
                  id={optionId(index)}
                  role="option"
                  aria-selected={isSelected}
                  aria-disabled={item.disabled || undefined}
                  data-highlighted={index === highlighted ? '' : undefined}
                  onPointerMove={() => {
                    if (item.disabled || index === highlighted) return;
                    setAutoHighlight(false);
                    setHighlightedKey(item.key);
                  }}
                  onClick={() => choose(item)}
                  className={cn(
                    'relative flex min-h-11 cursor-default select-none items-center gap-2 rounded-sm py-2 ps-8 pe-3',
                    'aria-disabled:opacity-60',
                    'data-[highlighted]:bg-surface-muted',
                    // A background tint alone vanishes in forced colors, so the highlight is also an outline.
                    'data-[highlighted]:outline-2 data-[highlighted]:outline-ring',
                    item.key === CREATE_KEY && 'font-semibold',
                  )}
                >
                  <span className="absolute start-2 flex size-4 items-center justify-center">
                    {item.key === CREATE_KEY ? (
                      <PlusIcon className="size-4" />
                    ) : isSelected ? (
                      <CheckIcon className="size-4" />
                    ) : null}
                  </span>
                  {item.option && renderOptionPrefix ? renderOptionPrefix(item.option) : null}
                  <span className="flex min-w-0 flex-col">
                    <span>{item.label}</span>
                    {item.description ? (
                      <span className="text-sm text-muted-foreground">{item.description}</span>
                    ) : null}
                  </span>
                </div>
              );
            })}
          </div>
        </PopoverPrimitive.Content>
      </PopoverPrimitive.Portal>
    </PopoverPrimitive.Root>
  );
}
