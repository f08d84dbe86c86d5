/**
 * Messages that stay until dismissed: why a share link could not be opened (and what opened
 * instead), damaged saved work, a save that failed, and the field errors of a file that could not be
 * imported. Shown in the current language from their codes.
 */
import { AlertIcon, BrokenLinkIcon, CloseIcon } from './icons';
import { useEffect, useRef } from 'react';
import type { FieldError } from '../../sim/index';
import { shareLinkErrorKey } from '../../io/share-address';
import type { MessageKey } from '../../i18n/index';
import { useT } from '../../i18n/useT';
import { useSession, useSessionState } from './SessionContext';
import type { StartupBanner } from '../../store/session';
import { downloadText } from './FileMenu';
import { SimText } from '../SimText';

/** The file name the damaged save downloads as (its text as it was stored, which may not be JSON). */
export const DAMAGED_FILE_NAME = 'damaged-saved-work.txt';

const OPENED: Record<StartupBanner['opened'], MessageKey> = {
  link: 'notice.openedFromLink',
  saved: 'notice.openedSavedWork',
  backup: 'notice.openedBackup',
  default: 'notice.openedDefault',
};

function FieldErrors({ errors, max = 12 }: { errors: readonly FieldError[]; max?: number }) {
  const t = useT();
  return (
    <ul className="field-errors">
      {errors.slice(0, max).map((e, i) => (
        <li key={`${e.path}-${i}`}>
          <code className="field-path">{e.path}</code> <SimText msg={e.msg} />
        </li>
      ))}
      {errors.length > max && <li className="muted">{t('fileError.more', { count: errors.length - max })}</li>}
    </ul>
  );
}

/** The damaged save's text, kept in storage before anything wrote over it, offered as a file. */
function DamagedWorkDownload() {
  const t = useT();
  const session = useSession();
  const text = session.damagedWork();
  if (text === undefined) return null;
  return (
    <p>
      {t('savedWork.damagedKept')}{' '}
      <button type="button" className="btn small" data-testid="download-damaged" onClick={() => downloadText(DAMAGED_FILE_NAME, text, 'text/plain')}>
        {t('savedWork.downloadDamaged')}
      </button>
    </p>
  );
}

export function StartupBannerBar() {
  const t = useT();
  const session = useSession();
  const banner = useSessionState((s) => s.banner);
  const saveError = useSessionState((s) => s.saveError);
  if (!banner && !saveError) return null;
  return (
    <div className="banners">
      {banner && (
        <div className={`banner ${banner.linkError ? 'error' : 'warn'}`} role="alert" data-testid="startup-banner">
          <span className="banner-icon">{banner.linkError ? <BrokenLinkIcon size={20} /> : <AlertIcon size={20} />}</span>
          <div className="banner-body">
            {banner.linkError && <p className="banner-title">{t(shareLinkErrorKey(banner.linkError))}</p>}
            {banner.savedWork && <p>{t(`savedWork.${banner.savedWork}`)}</p>}
            {banner.savedWork && <DamagedWorkDownload />}
            {banner.linkError && <p>{t(OPENED[banner.opened])}</p>}
            {banner.linkErrors && (
              <details>
                <summary>{t('banner.details')}</summary>
                <FieldErrors errors={banner.linkErrors} max={6} />
              </details>
            )}
          </div>
          <button type="button" className="btn small ghost" onClick={() => session.dismissBanner()} aria-label={t('common.dismiss')}>
            <CloseIcon />
          </button>
        </div>
      )}
      {saveError && (
        <div className="banner warn" role="alert" data-testid="save-error">
          <span className="banner-icon">
            <AlertIcon size={20} />
          </span>
          <div className="banner-body">
            <p>{t(`saveError.${saveError}`)}</p>
          </div>
        </div>
      )}
    </div>
  );
}

/** The errors of a file that could not be imported, by field path; the current work is untouched. */
export function ImportErrorsDialog() {
  const t = useT();
  const session = useSession();
  const report = useSessionState((s) => s.importErrors);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (report) close.current?.focus();
  }, [report]);
  if (!report) return null;
  return (
    <div className="modal-backdrop" onClick={() => session.dismissImportErrors()}>
      <div
        className="modal"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="import-errors-title"
        aria-describedby="import-errors-kept"
        data-testid="import-errors"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') session.dismissImportErrors();
        }}
      >
        <h2 id="import-errors-title" className="modal-title">
          <AlertIcon size={18} /> {t('fileError.title')}: <span className="mono">{report.fileName}</span>
        </h2>
        <p className="muted">{t('fileError.count', { count: report.errors.length })}</p>
        <FieldErrors errors={report.errors} />
        <p id="import-errors-kept" className="modal-note">
          {t('fileError.kept')}
        </p>
        <div className="popover-actions">
          <button ref={close} type="button" className="btn" onClick={() => session.dismissImportErrors()}>
            {t('common.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
