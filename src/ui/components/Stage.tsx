/**
 * The stage beside the settings (docs/page.md#layout): the method drawn with the seed's faces, the
 * live loss and difference charts, and the verdict with its paired differences, in the order the
 * comparison's phase asks for.
 */
import type { ExperimentConfig } from '../../core/config';
import type { BandKind } from '../../core/stats/bands';
import { PanelBoundary } from '../boundary/PanelBoundary';
import type { GhostStore } from '../import/ghostStore';
import type { ProbeImports } from '../import/probeImports';
import { ComparisonPanel } from '../panels/ComparisonPanel';
import type { EvalChart } from '../panels/EvalCharts';
import { EvalCharts } from '../panels/EvalCharts';
import { ExplainPanel } from '../panels/ExplainPanel';
import { LossPanel } from '../panels/LossPanel';
import type { UiState } from '../store/state';
import type { Store } from '../store/store';
import { Hideable } from '../teacher';
import type { Training } from '../useTraining';
import { BandToggle } from './BandToggle';
import { SampleFaces } from './SampleFaces';

// The accuracy-difference chart stays in view beside the loss; accuracy and ROC follow the verdict.
const STAGE_CHARTS: readonly EvalChart[] = ['difference'];

interface Props {
  store: Store;
  phase: UiState['phase'];
  /** The config the current session trains, else the form's: what the overview and the faces draw. */
  shown: ExperimentConfig;
  /** The first seed's faces are the ones shown. */
  seed: number;
  /** Whether the faces come from a chosen folder rather than the synthetic generator. */
  folder: boolean;
  band: BandKind;
  /** Seeds in the current comparison: the band toggle needs more than one. */
  runSeeds: number;
  onBand: (band: BandKind) => void;
  ghosts: GhostStore;
  probes: ProbeImports;
  onStepSlowly: Training['stepSlowly'];
  onSpeed: Training['setSpeed'];
}

export function Stage(props: Props) {
  const { store, phase, shown, band, ghosts } = props;
  return (
    /*
      Before a comparison starts the method and the faces come first; once it has started the
      charts and the verdict do, and the method follows them. Keyed, so React moves these blocks
      without remounting them (the overview keeps its speed and run choice).
    */
    <div className="stage">
      {(phase === 'idle' ? ['method', 'charts', 'verdict'] : ['charts', 'verdict', 'method']).map((block) => {
        if (block === 'method') {
          return (
            <div key="method" className="stage-method">
              <Hideable name="overview">
                <PanelBoundary name="How one iteration works section">
                  <ExplainPanel
                    store={store}
                    config={shown}
                    onStepSlowly={props.onStepSlowly}
                    onSpeed={props.onSpeed}
                    probes={props.probes}
                  />
                </PanelBoundary>
              </Hideable>
              <Hideable name="dataset">
                <PanelBoundary name="sample faces">
                  <SampleFaces store={store} data={shown.data} seed={props.seed} folder={props.folder} />
                </PanelBoundary>
              </Hideable>
            </div>
          );
        }
        if (block === 'charts') {
          return (
            <section key="charts" className="charts stage-charts" aria-label="Live charts">
              <PanelBoundary name="band toggle">
                <BandToggle band={band} seeds={props.runSeeds} onChange={props.onBand} />
              </PanelBoundary>
              <Hideable name="loss">
                <PanelBoundary name="loss chart">
                  <LossPanel store={store} ghosts={ghosts} band={band} />
                </PanelBoundary>
              </Hideable>
              <PanelBoundary name="difference chart">
                <EvalCharts store={store} ghosts={ghosts} band={band} charts={STAGE_CHARTS} />
              </PanelBoundary>
            </section>
          );
        }
        return (
          <Hideable key="verdict" name="paired">
            <PanelBoundary name="paired differences">
              <ComparisonPanel store={store} ghosts={ghosts} />
            </PanelBoundary>
          </Hideable>
        );
      })}
    </div>
  );
}
