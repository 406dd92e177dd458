// Stores one text setting as the person types: a moment after typing stops, or at once on flush,
// one update at a time and in order (the display name in Shared spaces uses it).
import { Settings, type ApiError } from '../../src-shared/api';
import { call } from '../bridge/call';
import { OrderedSaves } from './ordered-saves';

export type WrittenField = 'displayName';

/** Typing pauses longer than this store the field (a relay address is not tried per keystroke). */
const SAVE_DELAY_MS = 700;

function isValid(field: WrittenField, value: string): boolean {
  return Settings.shape[field].safeParse(value).success;
}

/**
 * Stores one settings field: a valid value goes out a moment after typing stops, or at once on
 * flush (blur, Enter, leaving Settings); one update at a time, in order, never the same value twice.
 */
export class SettingWriter {
  private typed: string | null = null;
  private stored: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly saves = new OrderedSaves();

  constructor(
    private readonly field: WrittenField,
    private readonly onResult: (error: ApiError | null) => void,
  ) {}

  /** Returns whether the value is valid; schedules storing it if so. */
  change(value: string, initial: string | null): boolean {
    if (this.stored === null) this.stored = initial;
    this.typed = value;
    this.cancelTimer();
    if (!isValid(this.field, value)) return false;
    if (value !== this.stored) this.timer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
    return true;
  }

  isStored(value: string): boolean {
    return value === this.stored;
  }

  flush(): void {
    this.cancelTimer();
    const value = this.typed;
    if (value === null || value === this.stored || !isValid(this.field, value)) return;
    this.stored = value;
    const field = this.field;
    this.saves.run(
      () => call('settings.update', { [field]: value }),
      (outcome) => {
        if (!outcome.ok) this.stored = null;
        this.onResult(outcome.ok ? null : outcome.error);
      },
    );
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
