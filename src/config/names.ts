/**
 * Expansion names without building the dict. supervisord hands `expand` a dict holding every
 * ENV_ variable plus a few names of its own, for every key of every process; copying the whole
 * environment that often made a big config slow (and slower with every variable). A
 * LayeredNames answers one name from the layers it was built from, and builds the real dict (in
 * supervisord's key order) only when something needs all of it: a bare `%s`, or an error message
 * listing the available names.
 */
import type { ExpansionValue } from '../codecs/expansion.js';

type NameDict = Record<string, ExpansionValue>;

const hasOwn = Object.prototype.hasOwnProperty;

export class LayeredNames {
  private dict: NameDict | undefined;

  /**
   * `layers`: searched in order, the first that has the name wins, so they must agree with
   * `build()` on every name's value. `build`: the full dict, called at most once.
   */
  constructor(
    private readonly layers: readonly NameDict[],
    private readonly build: () => NameDict,
  ) {}

  /** The value of `name` in the full dict, undefined when it has none. */
  lookup(name: string): ExpansionValue | undefined {
    const layers = this.layers;
    for (let i = 0; i < layers.length; i++) if (hasOwn.call(layers[i], name)) return layers[i]![name];
    return undefined;
  }

  all(): NameDict {
    return (this.dict ??= this.build());
  }
}
