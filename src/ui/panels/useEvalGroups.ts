/** The evaluations by method, for the panels that show them: the same groups until an evaluation arrives. */
import { useMemo } from 'react';
import { useStoreSelector } from '../store/select';
import type { EvalRun, EvalSlice } from '../store/selectors';
import { selectEval } from '../store/selectors';
import type { Store } from '../store/store';
import type { MethodGroup } from '../store/views';
import { methodGroups } from '../store/views';

export function useEvalGroups(store: Store): EvalSlice & { groups: Array<MethodGroup<EvalRun>> } {
  const slice = useStoreSelector(store, selectEval);
  const groups = useMemo(() => methodGroups(slice.runs), [slice.runs]);
  return { ...slice, groups };
}
