// Sync by file (docs/network.md "Sync by file"): save a bundle of this space for another member to
// carry, or import one that was carried here. Files move as in the calendar's .ics import and
// export: read here from a file input, saved through the platform's download.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodResult, SpaceSummary } from '../../src-shared/api';
import { LIMITS } from '../../src-shared/limits';
import { call } from '../bridge/call';
import { ErrorAlert } from '../components/ErrorAlert';
import { useApiAction } from '../hooks/use-api-action';
import { saveBlob } from '../lib/save-blob';
import { fromBase64, toBase64 } from '../shared-doc/base64';

type Imported = MethodResult<'spaces.importBundle'>;

function saveBytes(fileName: string, bytes: Uint8Array): void {
  // fromBase64 made a fresh array, so its buffer holds exactly the bundle.
  saveBlob(fileName, new Blob([bytes.buffer as ArrayBuffer], { type: 'application/octet-stream' }));
}

/** Reads a file with progress, so a large bundle on a slow USB stick shows that it moves. */
function readWithProgress(file: File, onProgress: (percent: number) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.readAsArrayBuffer(file);
  });
}

export function BundlePanel({ space }: { space: SpaceSummary }) {
  const { t } = useTranslation();
  const id = useId();
  const exporting = useApiAction();
  const importing = useApiAction();
  const [saved, setSaved] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const [reading, setReading] = useState<number | null>(null);
  const [imported, setImported] = useState<Imported | null>(null);
  const maxMb = Math.round(LIMITS.bundle.maxBytes / 1024 / 1024);

  function exportNow(): void {
    setSaved(null);
    void exporting.run(
      () => call('spaces.exportBundle', { spaceId: space.id }),
      ({ bundle, fileName }) => {
        saveBytes(fileName, fromBase64(bundle));
        setSaved(fileName);
      },
    );
  }

  async function importNow(): Promise<void> {
    if (!file) return;
    if (file.size > LIMITS.bundle.maxBytes) {
      setTooLarge(true);
      return;
    }
    setImported(null);
    setReading(0);
    await importing.run(async () => {
      const bytes = await readWithProgress(file, setReading);
      setReading(null);
      return call('spaces.importBundle', { bundle: toBase64(bytes) });
    }, setImported);
    setReading(null);
  }

  return (
    <section className="side-section" data-testid="bundle-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('bundle.title')}</h3>
      <p className="hint">{t('bundle.intro')}</p>
      <button
        type="button"
        data-testid="bundle-export"
        disabled={exporting.busy}
        onClick={exportNow}
      >
        {exporting.busy ? t('bundle.exporting') : t('bundle.export')}
      </button>
      <div role="status">
        {saved && (
          <p className="success" data-testid="bundle-saved">
            {t('bundle.saved', { file: saved })}
          </p>
        )}
      </div>
      <ErrorAlert error={exporting.error} />
      <form
        aria-busy={importing.busy}
        onSubmit={(event) => {
          event.preventDefault();
          void importNow();
        }}
      >
        <label htmlFor={`${id}-file`}>{t('bundle.file')}</label>
        <input
          id={`${id}-file`}
          type="file"
          data-testid="bundle-file"
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setTooLarge(false);
            setImported(null);
            importing.clearError();
          }}
        />
        <p id={`${id}-hint`} className={tooLarge ? 'error' : 'hint'}>
          {tooLarge ? t('bundle.tooLarge', { max: maxMb }) : t('bundle.fileHint', { max: maxMb })}
        </p>
        <div className="busy-slot" role="status" data-testid="bundle-status">
          {importing.busy && reading !== null && (
            <>
              <progress className="busy-bar" max={100} value={reading} />
              <span>{t('bundle.reading', { percent: reading })}</span>
            </>
          )}
          {importing.busy && reading === null && <span>{t('bundle.checking')}</span>}
          {imported && (
            <span className="success" data-testid="bundle-imported">
              {imported.newContent || imported.newEntries > 0
                ? t('bundle.imported', {
                    member: imported.member ?? t('bundle.aMember'),
                    date: new Date(imported.madeAt).toLocaleString(),
                  })
                : t('bundle.nothingNew')}{' '}
              {imported.passedOn ? t('bundle.passedOn') : ''}
            </span>
          )}
        </div>
        <ErrorAlert error={importing.error} />
        <button type="submit" data-testid="bundle-import" disabled={!file || importing.busy}>
          {t('bundle.import')}
        </button>
      </form>
    </section>
  );
}
