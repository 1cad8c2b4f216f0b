/// Helm 3 values coalescing (`chartutil.CoalesceValues`, null handling as in v3.2.0+).
///
/// Rules: maps merge key by key, recursively; lists and scalars in a higher layer replace the
/// lower value whole (helm never merges lists); a map replaces a scalar and a scalar replaces a
/// map (helm keeps the higher-precedence value and only logs a warning); a null in a higher layer
/// deletes the key at any depth (Helm 3.2.0+; v2.13.1 did so only at the top level).
///
/// Where this is stricter than helm, on purpose: no null survives anywhere in a map. Helm keeps a
/// null whose key the chart defaults lack, and a null written in the chart's own defaults; both
/// render like a missing key, and an override file with a stray `null` would change meaning once
/// it is merged again. Lists are kept verbatim, nulls and all: their elements are positional
/// (`a[2]=x` pads with nulls) and helm never looks inside them.
///
/// Layers are folded pairwise. Helm itself first deep-merges all override files (keeping nulls)
/// and only then coalesces them with the chart defaults, so it differs in one corner: a middle
/// layer that nulls a map which a higher layer sets again. Helm brings back the chart default's
/// other keys; the fold does not, which is what "a null removes the key" says.
public enum HelmMerge {
    /// Layers from lowest to highest precedence (chart defaults <- system overrides <- user overrides).
    public static func merge(_ layers: [[String: YAMLValue]]) -> [String: YAMLValue] {
        layers.reduce(into: [:]) { result, layer in result = overlay(result, layer) }
    }

    /// `override` on top of `base`; nulls in either are gone from the result.
    public static func merge(_ base: [String: YAMLValue], with override: [String: YAMLValue]) -> [String: YAMLValue] {
        overlay(withoutNulls(base), override)
    }

    /// `base` must already be free of nulls.
    private static func overlay(_ base: [String: YAMLValue], _ override: [String: YAMLValue]) -> [String: YAMLValue] {
        var result = base
        for (key, value) in override {
            switch (result[key], value) {
            case (_, .null):
                result[key] = nil
            case let (.map(lower)?, .map(higher)):
                result[key] = .map(overlay(lower, higher))
            case let (_, .map(higher)):
                result[key] = .map(withoutNulls(higher))
            default:
                result[key] = value
            }
        }
        return result
    }

    private static func withoutNulls(_ map: [String: YAMLValue]) -> [String: YAMLValue] {
        map.compactMapValues { value in
            switch value {
            case .null: return nil
            case let .map(inner): return .map(withoutNulls(inner))
            default: return value
            }
        }
    }
}
