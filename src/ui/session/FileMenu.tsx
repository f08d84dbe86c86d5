/**
 * The File menu: New, Reset to lesson, Export JSON, Import JSON, Restore previous work. Each action
 * that replaces the scenario keeps the current work as the previous work (and is one undo step).
 */
import { FolderIcon } from './icons';
import { useRef } from 'react';
import { useT } from '../../i18n/useT';
import { MenuButton, MenuItem } from './Popover';
import { useSession, useSessionState } from './SessionContext';
import { useManifestDialogStore } from '../manifests/ManifestDialogContext';
import { scenarioFileName } from '../../io/scenario-export';
import type { Scenario } from '../../sim/index';
import { withEditing } from '../../store/editing';

/** Offer a text as a file download (Export JSON). */
export function downloadText(fileName: string, text: string, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Chromium reads the blob asynchronously after click().
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The scenario as manifests, named after it (`shop.yaml`); the manifests code loads on demand. */
async function exportManifestsFile(scenario: Scenario): Promise<{ fileName: string; text: string }> {
  const { exportManifests } = await import('../../io/manifests/index');
  return { fileName: scenarioFileName(scenario).replace(/\.json$/, '.yaml'), text: exportManifests(scenario) };
}

export function FileMenu() {
  const t = useT();
  const session = useSession();
  const manifests = useManifestDialogStore();
  const lesson = useSessionState((s) => s.lesson);
  const hasBackup = useSessionState((s) => s.hasBackup);
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <MenuButton
        className="file-menu"
        menuLabel={t('toolbar.file')}
        label={
          <>
            <FolderIcon /> {t('toolbar.file')}
          </>
        }
      >
        {(close) => (
          <>
            <MenuItem
              onSelect={() => {
                close();
                withEditing(() => session.newScenario());
              }}
              hint={t('file.newHint')}
            >
              {t('toolbar.new')}
            </MenuItem>
            <MenuItem
              disabled={lesson === undefined}
              onSelect={() => {
                close();
                void session.resetToLesson();
              }}
              hint={lesson === undefined ? t('file.resetNoLesson') : t('file.resetHint')}
            >
              {t('toolbar.resetToLesson')}
            </MenuItem>
            <div className="menu-sep" role="separator" />
            <MenuItem
              onSelect={() => {
                close();
                const file = session.exportJson();
                downloadText(file.fileName, file.text);
                session.editor.getState().notifyMessage('file.exported', { name: file.fileName });
              }}
              hint={t('file.exportHint')}
            >
              {t('toolbar.exportJson')}
            </MenuItem>
            <MenuItem
              onSelect={() => {
                close();
                input.current?.click();
              }}
              hint={t('file.importHint')}
            >
              {t('toolbar.importJson')}
            </MenuItem>
            <MenuItem
              onSelect={() => {
                close();
                manifests.getState().show();
              }}
              hint={t('file.importManifestsHint')}
            >
              {t('toolbar.importManifests')}
            </MenuItem>
            <MenuItem
              onSelect={() => {
                close();
                void exportManifestsFile(session.editor.getState().scenario).then((file) => {
                  downloadText(file.fileName, file.text, 'application/yaml');
                  session.editor.getState().notifyMessage('file.exportedManifests', { name: file.fileName });
                });
              }}
              hint={t('file.exportManifestsHint')}
            >
              {t('toolbar.exportManifests')}
            </MenuItem>
            <div className="menu-sep" role="separator" />
            <MenuItem
              disabled={!hasBackup}
              onSelect={() => {
                close();
                withEditing(() => session.restorePrevious());
              }}
              hint={hasBackup ? t('file.restoreHint') : t('file.restoreNone')}
            >
              {t('toolbar.restoreBackup')}
            </MenuItem>
          </>
        )}
      </MenuButton>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="sr-only"
        tabIndex={-1}
        aria-label={t('toolbar.importJson')}
        data-testid="import-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void session.importFile(file);
        }}
      />
    </>
  );
}
