// Adds, changes or removes the link on the selection. Only http, https and mailto addresses are
// accepted (the same rule as the editor's link mark and the export), so a plan never carries a
// javascript: or file: link to another member.
import type { Editor } from '@tiptap/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { safeHref } from '../../src-shared/plans/plan-export';
import { Dialog } from '../components/Dialog';

export function LinkDialog({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const current = editor.getAttributes('link').href as unknown;
  const [url, setUrl] = useState(typeof current === 'string' ? current : '');
  const [invalid, setInvalid] = useState(false);

  function apply(): void {
    const typed = url.trim();
    // "example.org" means a web page: written without a scheme, it gets https.
    const href = safeHref(typed) ?? (typed.includes(':') ? null : safeHref(`https://${typed}`));
    if (!href) {
      setInvalid(true);
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !editor.isActive('link')) {
      // Nothing selected: the address itself becomes the linked text.
      chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] });
    } else {
      chain.setLink({ href });
    }
    chain.run();
    onClose();
  }

  return (
    <Dialog title={t('plans.link.title')} onClose={onClose} testId="plan-link-dialog">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
      >
        <label htmlFor={id}>{t('plans.link.url')}</label>
        <input
          id={id}
          type="text"
          inputMode="url"
          spellCheck={false}
          data-testid="plan-link-url"
          autoFocus
          value={url}
          aria-invalid={invalid}
          aria-describedby={`${id}-hint`}
          placeholder="https://"
          onChange={(event) => {
            setUrl(event.currentTarget.value);
            setInvalid(false);
          }}
        />
        <p
          id={`${id}-hint`}
          className={invalid ? 'error' : 'hint'}
          role={invalid ? 'alert' : undefined}
        >
          {invalid ? t('plans.link.invalid') : t('plans.link.urlHint')}
        </p>
        <div className="dialog-actions">
          {editor.isActive('link') && (
            <button
              type="button"
              data-testid="plan-link-remove"
              onClick={() => {
                editor.chain().focus().extendMarkRange('link').unsetLink().run();
                onClose();
              }}
            >
              {t('plans.link.remove')}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className="primary"
            data-testid="plan-link-submit"
            disabled={!url.trim()}
          >
            {t('plans.link.apply')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
