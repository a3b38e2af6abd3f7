/**
 * Inline help: a tooltip shown while its owner is hovered or focused, and referenced by the
 * owner's aria-describedby so a screen reader reads it after the owner's (unchanged) name.
 */
import type { ReactNode } from 'react';
import { useId } from 'react';
import type { HideName } from '../../core/teacher';
import { PANEL_HELP } from '../help';

export function HelpTip({ id, text }: { id: string; text: string }) {
  return (
    <span id={id} role="tooltip" className="help-text">
      {text}
    </span>
  );
}

/** A panel's h2, focusable so its help can be reached by keyboard; id `panel-<name>` for the scenarios' links. */
export function HelpHeading({ panel, children }: { panel: HideName; children: ReactNode }) {
  const id = useId();
  const text = PANEL_HELP[panel];
  return (
    <div className="help-head has-help">
      <h2 id={`panel-${panel}`} tabIndex={text ? 0 : undefined} aria-describedby={text ? id : undefined}>
        {children}
      </h2>
      {text && (
        <>
          <span className="help-icon" aria-hidden="true">
            ?
          </span>
          <HelpTip id={id} text={text} />
        </>
      )}
    </div>
  );
}
