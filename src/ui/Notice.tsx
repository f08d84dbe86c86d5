/** The last action's message (a refused drop, a hint), announced to screen readers. */
import { useEffect } from 'react';
import { useT } from '../i18n/useT';
import { useEditor, useEditorStore } from './state';
import { SimText } from './SimText';
import './notice.css';

export function NoticeBar() {
  const t = useT();
  const notice = useEditor((s) => s.notice);
  const store = useEditorStore();
  useEffect(() => {
    if (!notice) return;
    const t = window.setTimeout(() => store.getState().dismissNotice(), 6000);
    return () => window.clearTimeout(t);
  }, [notice, store]);
  return (
    <div className="notice-area" role="status" aria-live="polite">
      {notice && (
        <div className={`notice ${notice.tone}`} data-testid="notice">
          {notice.message ? (
            <span>{t(notice.message.key, notice.message.params)}</span>
          ) : typeof notice.text === 'string' ? (
            <span>{notice.text}</span>
          ) : (
            <SimText msg={notice.text} />
          )}
          {notice.action && (
            <button type="button" className="btn small notice-action" onClick={() => store.getState().runNoticeAction(notice.action!)}>
              {t(`notice.action.${notice.action}`)}
            </button>
          )}
          <button type="button" className="btn small ghost" onClick={() => store.getState().dismissNotice()} aria-label={t('common.dismiss')}>
            ✕
          </button>
        </div>
      )}
    </div>
  );
}
