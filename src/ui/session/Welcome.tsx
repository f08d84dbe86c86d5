/**
 * The first open's welcome: a small card over the canvas's top-left corner (not a modal: the canvas
 * stays usable around it) saying what to do first: start lesson 1, or send a packet from the pod
 * curl. It shows only on an open with no share link in the address, and goes for good (remembered in
 * localStorage) once dismissed, or once the user starts a lesson, sends a packet any other way, or
 * replaces the scenario (Import JSON, New).
 */
import { useEffect, useState } from 'react';
import { LESSON_CATALOG } from '../../lessons/catalog';
import { hasShareLink } from '../../io/share-address';
import { useT } from '../../i18n/useT';
import { usePacketStore } from '../packets/PacketsContext';
import { useEditorStore } from '../state';
import { BookIcon, CloseIcon, SendIcon } from './icons';
import { useSession } from './SessionContext';
import { preloadLessonPanel } from './LessonPanel';
import { browserStorage } from '../../io/browser';
import './welcome.css';

export const WELCOME_DISMISSED_KEY = 'kube-network-playground:welcome-dismissed:v1';

/** The first packet the welcome offers: the default scenario's shell pod to the web Service by name. */
const FIRST_PACKET = { from: 'curl', to: 'web', port: 80 } as const;

function dismissedBefore(): boolean {
  try {
    return browserStorage()?.getItem(WELCOME_DISMISSED_KEY) === '1';
  } catch {
    return true;
  }
}

function remember(): void {
  try {
    browserStorage()?.setItem(WELCOME_DISMISSED_KEY, '1');
  } catch {
    // Storage refused: the welcome goes for this visit only.
  }
}

export function Welcome() {
  const t = useT();
  const session = useSession();
  const packets = usePacketStore();
  const editor = useEditorStore();
  const [open, setOpen] = useState(() => !dismissedBefore() && !hasShareLink(window.location.hash) && session.state.getState().lesson === undefined);
  const hasCurl = editor.getState().scenario.pods.some((p) => p.name === FIRST_PACKET.from);
  const close = () => {
    remember();
    setOpen(false);
  };
  // The user found the first step without it: it has done its job.
  useEffect(() => {
    if (!open) return;
    const done = () => {
      remember();
      setOpen(false);
    };
    const offLesson = session.state.subscribe((s) => s.lesson !== undefined && done());
    const offPackets = packets.subscribe((s) => s.packets.length > 0 && done());
    // Another scenario replaced the default one (Import, New, a lesson): the card's words no longer fit it.
    const offReplaced = session.onReplaced(() => done());
    return () => {
      offLesson();
      offPackets();
      offReplaced();
    };
  }, [open, session, packets]);
  if (!open) return null;
  const lesson1 = LESSON_CATALOG[0];
  return (
    <section className="welcome" role="region" aria-labelledby="welcome-title" data-testid="welcome">
      <header>
        <h2 id="welcome-title">{t('welcome.title')}</h2>
        <button type="button" className="btn small ghost welcome-close" onClick={close} aria-label={t('welcome.dismissLabel')} title={t('welcome.dismiss')}>
          <CloseIcon size={14} />
        </button>
      </header>
      <p>{t('welcome.body')}</p>
      <div className="welcome-actions">
        {lesson1 && (
          <button
            type="button"
            className="btn small primary"
            onClick={() => {
              preloadLessonPanel();
              void session.openLesson(lesson1.id);
            }}
          >
            <BookIcon size={14} /> {t('welcome.lesson1')}
          </button>
        )}
        {hasCurl && (
          <button type="button" className="btn small" title={t('welcome.sendHint')} onClick={() => void packets.getState().send({ ...FIRST_PACKET })}>
            <SendIcon size={14} /> {t('welcome.send')}
          </button>
        )}
      </div>
      <p className="welcome-later">{t('welcome.later')}</p>
    </section>
  );
}
