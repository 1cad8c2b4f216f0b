/// `helm-override-update`: new user overrides from values files, `--set` and `--set-string`,
/// assembled as the helm client assembles values (files deep-merged in order, then every `--set`,
/// then every `--set-string`).
public struct OverrideUpdate: Sendable {
    /// helm's `--reuse-values` starts from the stored overrides; `--reset-values` from nothing.
    public enum Mode: Sendable {
        case reuse, reset
    }

    public struct ValuesFileText: Sendable {
        public let path: String
        public let text: String

        public init(path: String, text: String) {
            self.path = path
            self.text = text
        }
    }

    public var mode: Mode
    public var valuesFiles: [ValuesFileText]
    public var sets: [String]
    public var setStrings: [String]
    /// Allows changing keys that hold system-generated secrets.
    public var force: Bool

    public init(mode: Mode = .reset, valuesFiles: [ValuesFileText] = [], sets: [String] = [], setStrings: [String] = [], force: Bool = false) {
        self.mode = mode
        self.valuesFiles = valuesFiles
        self.sets = sets
        self.setStrings = setStrings
        self.force = force
    }

    /// The user overrides to store. Nulls are kept: a stored `key: null` removes a system key
    /// from the combined overrides. Reset with no new values clears the overrides, as sysinv does
    /// since 2019-07 (S2 kept them, a quirk).
    public func apply(to current: ChartOverrides) throws(HelmOverrideError) -> [String: YAMLValue] {
        var input: [String: YAMLValue] = [:]
        for file in valuesFiles {
            do {
                input = Self.mergeKeepingNulls(input, try ValuesFile.parse(file.text))
            } catch {
                throw .invalidValuesFile(path: file.path, error)
            }
        }
        do throws(HelmSetError) {
            for expression in sets + setStrings where try HelmSet.parse(expression).isEmpty {
                // helm skips an empty key silently; here it would silently clear the stored overrides.
                throw HelmSetError(expression: expression, message: "it sets no value (its key is empty); give KEY=VALUE, e.g. conf.nova.DEFAULT.debug=true", offset: 0)
            }
            for expression in sets { try HelmSet.apply(expression, to: &input) }
            for expression in setStrings { try HelmSet.applyString(expression, to: &input) }
        } catch {
            throw .invalidSet(error)
        }
        if !force {
            let protected = SecretMask.protectedPaths(changedBy: input, system: current.system, secrets: current.secrets)
            if !protected.isEmpty { throw .protectedSecrets(chart: current.chart, paths: protected) }
        }
        return mode == .reuse ? Self.mergeKeepingNulls(current.user, input) : input
    }

    /// The helm client's `mergeMaps`: maps merge recursively, anything else (null included) replaces.
    static func mergeKeepingNulls(_ base: [String: YAMLValue], _ override: [String: YAMLValue]) -> [String: YAMLValue] {
        var result = base
        for (key, value) in override {
            if case let .map(higher) = value, case let .map(lower)? = result[key] {
                result[key] = .map(mergeKeepingNulls(lower, higher))
            } else {
                result[key] = value
            }
        }
        return result
    }
}
