// A modal built on <dialog>: the browser traps focus, Escape closes it, and focus returns on close.
// A dialog that opens on something to read first (focusTitle) opens scrolled to its top with focus on
// its heading, so neither the browser nor an autofocus control scrolls the beginning out of view.
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  testId?: string;
  /** Focus the heading (and show the top) on opening, instead of the first control. */
  focusTitle?: boolean;
}

export function Dialog({ title, onClose, children, className, testId, focusTitle }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  // Read once: where focus lands is decided when the dialog opens, not on later renders.
  const focusTitleOnOpen = useRef(focusTitle ?? false);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement;
    dialog.showModal();
    if (focusTitleOnOpen.current) {
      titleRef.current?.focus({ preventScroll: true });
      dialog.scrollTop = 0;
    }
    return () => {
      dialog.close();
      if (opener instanceof HTMLElement) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        // React closes it by unmounting, so the open state stays React's.
        event.preventDefault();
        onClose();
      }}
    >
      <h2
        id={titleId}
        ref={titleRef}
        className="dialog-title"
        tabIndex={focusTitle ? -1 : undefined}
      >
        {title}
      </h2>
      {children}
    </dialog>
  );
}
