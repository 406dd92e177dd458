// A calendar day entered in the user's language: a text field showing the day as lib/format-date
// writes it (typing a date works too), a button that opens a calendar (react-day-picker, in the
// app's language) and a button that clears the day. Keyboard: Alt+↓ or Enter in the field, or
// Enter/Space on the calendar button, opens the calendar; the arrow keys, Home/End and PageUp/PageDown
// move in it, Enter or Space picks a day; Escape closes it and puts focus back in the field.
// The value is what the model stores: 'YYYY-MM-DD', or null for no day.
import { CalendarDays, X } from 'lucide-react';
import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import { DayPicker } from 'react-day-picker';
import { useTranslation } from 'react-i18next';
import { formatMediumDay } from '../lib/format-date';
import {
  calendarKeepsKey,
  dateLocaleFor,
  dateOfDay,
  dayOfDate,
  fieldKeyAction,
  numericExample,
  parseDay,
  systemLocales,
} from './date-field-model';

interface DateFieldProps {
  value: string | null;
  onChange: (day: string | null) => void;
  /** The id a visible <label htmlFor> points at; or give `label` instead. */
  id?: string;
  /** The field's accessible name when no visible label names it. */
  label?: string;
  testId?: string;
}

export function DateField({ value, onChange, id, label, testId }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const locale = useMemo(() => dateLocaleFor(language, systemLocales()), [language]);
  const ownId = useId();
  const fieldId = id ?? `${ownId}-field`;
  const rootRef = useRef<HTMLSpanElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const calendarRef = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<CSSProperties>({});

  const date = value ? dateOfDay(value) : null;
  const shown = date ? formatMediumDay(date.getTime(), locale.code) : (value ?? '');

  // While the calendar is open, a click or focus anywhere else closes it (as a menu would).
  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => {
      if (event.target instanceof Node && rootRef.current?.contains(event.target)) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('focusin', outside);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('focusin', outside);
    };
  }, [open]);

  // The calendar floats below the field (above it when there is no room), kept inside the window,
  // and follows the field when something around it scrolls.
  useLayoutEffect(() => {
    if (!open) return;
    const position = () => {
      const field = rootRef.current?.getBoundingClientRect();
      const calendar = calendarRef.current?.getBoundingClientRect();
      if (!field || !calendar) return;
      const below = field.bottom + 4;
      const top =
        below + calendar.height > window.innerHeight && field.top - calendar.height - 4 >= 0
          ? field.top - calendar.height - 4
          : below;
      const left = Math.max(4, Math.min(field.left, window.innerWidth - calendar.width - 4));
      setPlace({ top, left });
    };
    position();
    window.addEventListener('resize', position);
    window.addEventListener('scroll', position, true);
    return () => {
      window.removeEventListener('resize', position);
      window.removeEventListener('scroll', position, true);
    };
  }, [open]);

  function extraMonths(): string[][] {
    const words = i18n.getFixedT(language);
    return [
      String(words('dates.monthsLong')).split('|'),
      String(words('dates.monthsShort')).split('|'),
    ];
  }

  /** Writes what was typed; text that is not a date stays, marked, until corrected or Escape. */
  function commit(): boolean {
    if (draft === null) return true;
    const day = parseDay(draft, locale, { extraMonths: extraMonths() });
    if (day === undefined) {
      setInvalid(true);
      return false;
    }
    setInvalid(false);
    setDraft(null);
    if (day !== value) onChange(day);
    return true;
  }

  function close(returnFocus: boolean): void {
    setOpen(false);
    if (returnFocus) inputRef.current?.focus();
  }

  function onFieldKey(event: KeyboardEvent<HTMLInputElement>): void {
    const action = fieldKeyAction(event, { open, edited: draft !== null });
    if (action === null) return;
    event.preventDefault();
    if (action === 'open') setOpen(true);
    else if (action === 'close') close(true);
    else if (action === 'commit') commit();
    else {
      setDraft(null);
      setInvalid(false);
    }
  }

  function onCalendarKey(event: KeyboardEvent<HTMLDivElement>): void {
    if (!calendarKeepsKey(event)) return;
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    }
  }

  const describedBy = invalid ? `${ownId}-invalid` : undefined;
  return (
    <span className="date-field" ref={rootRef}>
      <span className="date-field-row">
        <input
          ref={inputRef}
          id={fieldId}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          className="date-field-input"
          data-testid={testId}
          aria-label={label}
          aria-haspopup="dialog"
          aria-expanded={open}
          aria-controls={open ? `${ownId}-calendar` : undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          placeholder={t('dateField.none')}
          value={draft ?? shown}
          onChange={(event) => {
            setDraft(event.target.value);
            setInvalid(false);
          }}
          onBlur={() => void commit()}
          onKeyDown={onFieldKey}
        />
        <button
          type="button"
          className="date-field-button"
          data-testid={testId ? `${testId}-open` : undefined}
          aria-label={t('dateField.open')}
          aria-haspopup="dialog"
          aria-expanded={open}
          onClick={() => (open ? close(true) : commit() && setOpen(true))}
        >
          <CalendarDays aria-hidden="true" focusable="false" size={16} />
        </button>
        {value !== null && value !== '' && (
          <button
            type="button"
            className="date-field-button"
            data-testid={testId ? `${testId}-clear` : undefined}
            aria-label={t('dateField.clear')}
            onClick={() => {
              setDraft(null);
              setInvalid(false);
              setOpen(false);
              onChange(null);
              inputRef.current?.focus();
            }}
          >
            <X aria-hidden="true" focusable="false" size={16} />
          </button>
        )}
      </span>
      {invalid && (
        <span id={describedBy} className="date-field-invalid" role="alert">
          {t('dateField.invalid', { example: numericExample(locale) })}
        </span>
      )}
      {open && (
        <div
          id={`${ownId}-calendar`}
          ref={calendarRef}
          className="date-field-calendar"
          style={place}
          role="dialog"
          aria-label={t('dateField.calendar')}
          onKeyDown={onCalendarKey}
        >
          <DayPicker
            mode="single"
            required
            autoFocus
            locale={locale.calendar}
            labels={locale.labels}
            selected={date ?? undefined}
            defaultMonth={date ?? undefined}
            onSelect={(picked) => {
              setDraft(null);
              setInvalid(false);
              const day = dayOfDate(picked);
              if (day !== value) onChange(day);
              close(true);
            }}
          />
        </div>
      )}
    </span>
  );
}
