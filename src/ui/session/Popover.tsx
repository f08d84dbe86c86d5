/**
 * Toolbar pop-ups: `MenuButton` opens a menu (role=menu; arrow keys, Home/End, Escape, Tab) and
 * `PopoverButton` a small dialog. Both close on a click outside and give focus back to their button.
 */
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

function useOpenState() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const close = useCallback((focusButton = true) => {
    setOpen(false);
    if (focusButton) button.current?.focus();
  }, []);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);
  return { open, setOpen, close, button, panel };
}

const menuItems = (panel: HTMLElement | null) => (panel ? [...panel.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')] : []);

export function MenuButton({
  label,
  menuLabel,
  className = '',
  align = 'left',
  children,
}: {
  label: ReactNode;
  /** The menu's accessible name. */
  menuLabel: string;
  className?: string;
  align?: 'left' | 'right';
  /** The items; call `close()` after an item ran. */
  children: (close: () => void) => ReactNode;
}) {
  const id = useId();
  const { open, setOpen, close, button, panel } = useOpenState();
  useEffect(() => {
    if (open) menuItems(panel.current)[0]?.focus();
  }, [open, panel]);
  const onKeyDown = (e: KeyboardEvent) => {
    const items = menuItems(panel.current);
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(items.length - 1);
    else if (e.key === 'Escape') close();
    else if (e.key === 'Tab') {
      setOpen(false);
      return;
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <div className={`popover-anchor ${className}`}>
      <button
        ref={button}
        type="button"
        className="btn"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {label}
        <span className="caret" aria-hidden>
          ▾
        </span>
      </button>
      {open && (
        <div ref={panel} id={`${id}-menu`} role="menu" aria-label={menuLabel} className={`popover menu align-${align}`} onKeyDown={onKeyDown}>
          {children(() => close())}
        </div>
      )}
    </div>
  );
}

export function MenuItem({
  onSelect,
  disabled = false,
  children,
  hint,
  className = '',
}: {
  onSelect: () => void;
  disabled?: boolean;
  children: ReactNode;
  hint?: ReactNode;
  className?: string;
}) {
  return (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      className={`menu-item ${className}`}
      aria-disabled={disabled || undefined}
      onClick={() => {
        if (!disabled) onSelect();
      }}
    >
      <span className="menu-item-label">{children}</span>
      {hint && <span className="menu-item-hint">{hint}</span>}
    </button>
  );
}

export function PopoverButton({
  label,
  dialogLabel,
  onOpen,
  className = '',
  align = 'right',
  children,
}: {
  label: ReactNode;
  dialogLabel: string;
  /** Runs when the button opens the pop-up (e.g. to make the link to show). */
  onOpen?: () => void;
  className?: string;
  align?: 'left' | 'right';
  children: (close: () => void) => ReactNode;
}) {
  const id = useId();
  const { open, setOpen, close, button, panel } = useOpenState();
  return (
    <div className={`popover-anchor ${className}`}>
      <button
        ref={button}
        type="button"
        className="btn"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? `${id}-dialog` : undefined}
        onClick={() => {
          if (!open) onOpen?.();
          setOpen(!open);
        }}
      >
        {label}
      </button>
      {open && (
        <div
          ref={panel}
          id={`${id}-dialog`}
          role="dialog"
          aria-label={dialogLabel}
          className={`popover dialog align-${align}`}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close();
            }
          }}
        >
          {children(() => close())}
        </div>
      )}
    </div>
  );
}
