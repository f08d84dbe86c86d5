/**
 * Copy link: the whole scenario (and the open lesson) in the address's hash. The link is put on the
 * clipboard, written into the address bar, and shown in a text field, since a browser may refuse
 * the clipboard.
 */
import { LinkIcon } from './icons';
import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { shareLinkErrorKey } from '../../io/share-address';
import { PopoverButton } from './Popover';
import { useSession } from './SessionContext';
import type { ShareResult } from '../../store/session';

type Status = 'copying' | 'copied' | 'failed';

async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function ShareButton() {
  const t = useT();
  const session = useSession();
  const [link, setLink] = useState<ShareResult | undefined>();
  const [status, setStatus] = useState<Status>('copying');

  const make = () => {
    setLink(undefined);
    // The link code is fetched the first time (a moment at most); the copy still follows the click.
    void session.shareLink(window.location.href).then((made) => {
      setLink(made);
      if (!made.ok) return;
      window.history.replaceState(window.history.state, '', made.hash);
      setStatus('copying');
      void copyText(made.url).then((ok) => setStatus(ok ? 'copied' : 'failed'));
    });
  };

  return (
    <PopoverButton
      className="share"
      dialogLabel={t('share.title')}
      onOpen={make}
      label={
        <>
          <LinkIcon /> {t('toolbar.copyLink')}
        </>
      }
    >
      {(close) =>
        link && (
          <div className="share-panel">
            <h2 className="popover-title">{t('share.title')}</h2>
            {link.ok ? (
              <>
                <p className={`share-status ${status}`} role="status" data-testid="share-status">
                  {status === 'copied' ? t('toolbar.linkCopied') : status === 'failed' ? t('share.copyRefused') : t('share.copying')}
                </p>
                <label className="field-label" htmlFor="share-link-url">
                  {t('share.linkLabel')}
                </label>
                <input
                  id="share-link-url"
                  className="field-input mono share-url"
                  readOnly
                  value={link.url}
                  onFocus={(e) => e.currentTarget.select()}
                  data-testid="share-url"
                  autoFocus
                />
                <p className="field-hint">{t('share.hint', { chars: link.url.length })}</p>
                <div className="popover-actions">
                  <button type="button" className="btn small primary" onClick={() => void copyText(link.url).then((ok) => setStatus(ok ? 'copied' : 'failed'))}>
                    {t('share.copyAgain')}
                  </button>
                  <button type="button" className="btn small ghost" onClick={close}>
                    {t('common.close')}
                  </button>
                </div>
              </>
            ) : (
              <p className="field-error" role="alert">
                {t(shareLinkErrorKey(link.code))}
              </p>
            )}
          </div>
        )
      }
    </PopoverButton>
  );
}
