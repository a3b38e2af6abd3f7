/** Teacher mode on the page: which panels the URL hides and whether the configuration is locked. */
import type { ReactNode } from 'react';
import { createContext, useContext } from 'react';
import type { HideName, Teacher } from '../core/teacher';
import { NO_TEACHER } from '../core/teacher';

export const TeacherContext = createContext<Teacher>(NO_TEACHER);

export function useHidden(name: HideName): boolean {
  return useContext(TeacherContext).hide.includes(name);
}

/** Its children, unless `hide=` names it. */
export function Hideable({ name, children }: { name: HideName; children: ReactNode }) {
  return useHidden(name) ? null : <>{children}</>;
}
