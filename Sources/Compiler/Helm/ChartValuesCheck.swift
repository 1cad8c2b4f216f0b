import Foundation

/// Checks overrides against a chart's own `values.yaml`: helm silently ignores a key the chart
/// never reads, so a typo in an override is the most common silent failure of helm users.
public enum ChartValuesCheck {
    /// Override paths the chart's defaults do not know. Below a default that is empty, null or not
    /// a map (free-form sections such as `conf.overrides: {}`) every key is accepted.
    public static func unknownPaths(_ overrides: [String: YAMLValue], defaults: [String: YAMLValue]) -> [String] {
        var found: [String] = []
        func visit(_ overrides: [String: YAMLValue], _ defaults: [String: YAMLValue], _ prefix: String) {
            for key in overrides.keys.sorted() {
                let path = prefix.isEmpty ? key : "\(prefix).\(key)"
                guard let known = defaults[key] else {
                    found.append(path)
                    continue
                }
                if case let .map(inner) = overrides[key], case let .map(knownInner) = known, !knownInner.isEmpty {
                    visit(inner, knownInner, path)
                }
            }
        }
        visit(overrides, defaults, "")
        return found
    }

    /// The defaults of `<directory>/<chart>/values.yaml`, nil when the directory has no such chart.
    public static func defaults(chart: String, in directory: String) throws(HelmOverrideError) -> [String: YAMLValue]? {
        let url = URL(fileURLWithPath: directory).appendingPathComponent(chart).appendingPathComponent("values.yaml")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try UserOverrideStore.parse(url)
    }

    /// One warning per unknown path of the combined overrides of a chart.
    public static func diagnostics(_ overrides: ChartOverrides, chartsDirectory: String) -> [Diagnostic] {
        let defaults: [String: YAMLValue]?
        do {
            defaults = try Self.defaults(chart: overrides.chart, in: chartsDirectory)
        } catch {
            return [Diagnostic(.helmOverridePath, "cannot check \(overrides.chart): \(error)", at: nil, severity: .warning)]
        }
        guard let defaults else { return [] }
        return unknownPaths(overrides.combined, defaults: defaults).map { path in
            Diagnostic(.helmOverridePath,
                       "chart \(overrides.chart) (\(overrides.namespace)) has no value \(path) in its values.yaml; helm ignores it (a typo?)",
                       at: nil, severity: .warning)
        }
    }
}
