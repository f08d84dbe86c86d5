/** The lessons menu: the eight lessons in order, each with its number, title and one-line summary. */
import { BookIcon } from './icons';
import { preloadLessonPanel } from './LessonPanel';
import { LESSON_CATALOG } from '../../lessons/catalog';
import { localized } from '../../i18n/index';
import { useLocale, useT } from '../../i18n/useT';
import { MenuButton, MenuItem } from './Popover';
import { useSession, useSessionState } from './SessionContext';

export function LessonMenu() {
  const t = useT();
  const [locale] = useLocale();
  const session = useSession();
  const open = useSessionState((s) => s.lesson);
  return (
    <MenuButton
      className="lesson-menu"
      // Right-aligned under its button: 440 px wide, left-aligned it ran off a 1440 px window in Chinese (a wider toolbar).
      align="right"
      menuLabel={t('lessons.title')}
      label={
        <>
          <BookIcon /> {t('toolbar.lessons')}
        </>
      }
    >
      {(close) => (
        <>
          <p className="menu-heading" aria-hidden>
            {t('lessons.menuIntro')}
          </p>
          {LESSON_CATALOG.map((lesson) => (
            <MenuItem
              key={lesson.id}
              className={`lesson-item${open === lesson.id ? ' current' : ''}`}
              onSelect={() => {
                close();
                preloadLessonPanel();
                void session.openLesson(lesson.id);
              }}
              hint={localized(lesson.summary, locale)}
            >
              <span className="lesson-number" aria-hidden>
                {lesson.number}
              </span>
              <span className="sr-only">{t('lessons.number', { n: lesson.number })}: </span>
              {localized(lesson.title, locale)}
            </MenuItem>
          ))}
        </>
      )}
    </MenuButton>
  );
}
