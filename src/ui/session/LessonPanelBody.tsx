/**
 * The lesson beside the canvas: its steps, read one at a time, and a button for each suggested
 * packet. A packet's button first makes the packet's change to the scenario (an ordinary, undoable
 * edit), then sends it with the packet store, so the learner watches it travel and reads its hops;
 * the outcome is compared with what the lesson expects. Collapses to a narrow tab.
 *
 * Fetched with the lesson's content when a lesson is first opened (LessonPanel.tsx), not before the first paint.
 */
import { AlertIcon, BookIcon, CheckIcon, ChevronLeftIcon, CloseIcon, ResetIcon, SendIcon } from './icons';
import type { Lesson, SuggestedPacket } from '../../lessons/index';
import { packetTargetText } from '../../lessons/targetText';
import { localized } from '../../i18n/index';
import { useLocale, useT } from '../../i18n/useT';
import { useEditor } from '../state';
import { usePacketStore } from '../packets/PacketsContext';
import { useSession, useSessionState } from './SessionContext';
import { changeNeeded, describeChange, type PacketOutcome } from '../../store/lessonPackets';
import '../../i18n/parts/lesson';

function Outcome({ outcome, packet }: { outcome: PacketOutcome; packet: SuggestedPacket }) {
  const t = useT();
  const delivered = outcome.http === undefined ? t('packet.delivered') : `${t('packet.delivered')} · ${t('packet.httpStatus', { status: outcome.http })}`;
  const got = outcome.verdict === 'delivered' ? delivered : `${t('packet.dropped')} (${outcome.code ?? '?'})`;
  return (
    <p className={`lesson-outcome ${outcome.asExpected ? 'expected' : 'unexpected'}`} data-testid={`outcome-${packet.id}`} data-verdict={outcome.verdict}>
      {outcome.asExpected ? <CheckIcon size={14} /> : <AlertIcon size={14} />} {got} · {outcome.asExpected ? t('lessons.asExpected') : t('lessons.notExpected')}
    </p>
  );
}

function PacketButton({ packet, index }: { packet: SuggestedPacket; index: number }) {
  const t = useT();
  const [locale] = useLocale();
  const session = useSession();
  const packets = usePacketStore();
  const scenario = useEditor((s) => s.scenario);
  const outcome = useSessionState((s) => s.outcomes[packet.id]);
  const change = packet.change && changeNeeded(scenario, packet.change) ? describeChange(packet.change, scenario, t, locale) : undefined;
  const expect =
    packet.expect === 'dropped'
      ? t('lessons.expectDropped', { code: packet.expectCode ?? '' })
      : packet.expectHttp === undefined
        ? t('lessons.expectDelivered')
        : t('lessons.expectHttp', { status: packet.expectHttp });
  return (
    <li className="lesson-packet">
      <button
        type="button"
        className="btn lesson-send"
        data-testid={`send-${packet.id}`}
        onClick={() => void session.sendLessonPacket(packets, packet.id)}
        title={`${packetTargetText(packet, scenario)}`}
      >
        <span className="lesson-packet-n" aria-hidden>
          {index + 1}
        </span>
        <span className="lesson-packet-label">{localized(packet.label, locale)}</span>
        <span className="lesson-send-icon">
          <SendIcon size={14} />
        </span>
      </button>
      <p className="lesson-expect">
        <span className={`chip ${packet.expect}`}>{expect}</span>
        {change && <span className="lesson-change">{t('lessons.changeFirst', { change })}</span>}
      </p>
      {outcome && <Outcome outcome={outcome} packet={packet} />}
    </li>
  );
}

/** The open lesson's panel, its content here. */
export function LessonPanelBody({ lesson }: { lesson: Lesson }) {
  const t = useT();
  const [locale] = useLocale();
  const session = useSession();
  const open = useSessionState((s) => s.lessonPanelOpen);
  const savedStep = useSessionState((s) => s.step);
  const title = localized(lesson.title, locale);
  const number = t('lessons.number', { n: lesson.number });

  if (!open) {
    return (
      <aside className="lesson-panel collapsed" aria-label={t('lessons.panel')}>
        <button
          type="button"
          className="lesson-tab"
          onClick={() => session.setLessonPanelOpen(true)}
          aria-expanded={false}
          aria-label={t('lessons.expand', { title })}
        >
          <BookIcon />
          <span className="lesson-tab-text">
            {number} · {title}
          </span>
        </button>
      </aside>
    );
  }
  const total = lesson.steps.length;
  // A saved step from an older, longer version of the lesson stays within this one.
  const step = Math.min(savedStep, total - 1);
  return (
    <aside className="lesson-panel" aria-label={t('lessons.panel')} lang={locale}>
      <header className="lesson-head">
        <span className="lesson-badge">{number}</span>
        <div className="lesson-head-buttons">
          <button
            type="button"
            className="btn small ghost"
            onClick={() => session.setLessonPanelOpen(false)}
            aria-expanded={true}
            aria-label={t('lessons.collapse')}
            title={t('lessons.collapse')}
          >
            <ChevronLeftIcon />
          </button>
          <button type="button" className="btn small ghost" onClick={() => session.closeLesson()} aria-label={t('lessons.close')} title={t('lessons.close')}>
            <CloseIcon />
          </button>
        </div>
        <h2 className="lesson-title">{title}</h2>
        <p className="lesson-summary">{localized(lesson.summary, locale)}</p>
      </header>

      <section className="lesson-steps" aria-label={t('lessons.steps')}>
        <div className="lesson-progress">
          <span className="lesson-step-of" aria-live="polite">
            {t('lessons.stepOf', { n: step + 1, total })}
          </span>
          <ol className="lesson-dots">
            {lesson.steps.map((_, i) => (
              <li key={i}>
                <button
                  type="button"
                  className={`dot${i === step ? ' current' : ''}${i < step ? ' done' : ''}`}
                  aria-label={t('lessons.stepOf', { n: i + 1, total })}
                  aria-current={i === step ? 'step' : undefined}
                  onClick={() => session.setStep(i)}
                />
              </li>
            ))}
          </ol>
        </div>
        <p className="lesson-step-text" data-testid="lesson-step">
          {localized(lesson.steps[step]!, locale)}
        </p>
        <div className="lesson-nav">
          <button type="button" className="btn small" disabled={step === 0} onClick={() => session.setStep(step - 1)}>
            ← {t('lessons.previous')}
          </button>
          <button type="button" className="btn small primary" disabled={step >= total - 1} onClick={() => session.setStep(step + 1)}>
            {t('lessons.next')} →
          </button>
        </div>
      </section>

      <section className="lesson-packets" aria-label={t('lessons.tryIt')}>
        <h3 className="panel-title">{t('lessons.tryIt')}</h3>
        <ol>
          {lesson.packets.map((p, i) => (
            <PacketButton key={p.id} packet={p} index={i} />
          ))}
        </ol>
      </section>

      <footer className="lesson-foot">
        <button type="button" className="btn small" onClick={() => void session.resetToLesson()} title={t('file.resetHint')}>
          <ResetIcon size={13} /> {t('toolbar.resetToLesson')}
        </button>
      </footer>
    </aside>
  );
}
