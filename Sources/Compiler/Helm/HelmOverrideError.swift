/// Why a helm-override command refused: the commands exit with status 2 and leave the stored
/// user overrides as they were.
public enum HelmOverrideError: Error, Equatable, CustomStringConvertible {
    case unknownApplication(String, known: [String])
    case unknownChart(String, application: String, known: [String])
    case unknownNamespace(String, chart: String, known: [String])
    case invalidSet(HelmSetError)
    case invalidValuesFile(path: String, ValuesFileError)
    case unreadableFile(path: String, reason: String)
    /// Keys holding passwords or keys the system generates; changing them needs `--force`.
    case protectedSecrets(chart: String, paths: [String])

    public var description: String {
        switch self {
        case let .unknownApplication(name, known):
            return "no application \(name); applications with charts: \(known.joined(separator: ", "))"
        case let .unknownChart(name, application, known):
            return "application \(application) has no chart \(name); its charts: \(known.joined(separator: ", "))"
        case let .unknownNamespace(name, chart, known):
            return "chart \(chart) has no overrides for namespace \(name); its namespaces: \(known.joined(separator: ", "))"
        case let .invalidSet(error):
            return error.description
        case let .invalidValuesFile(path, error):
            return "\(path):\(error.line):\(error.column): error[\(error.code.rawValue)]: \(error.message)"
        case let .unreadableFile(path, reason):
            return "cannot read \(path): \(reason)"
        case let .protectedSecrets(chart, paths):
            return "\(paths.joined(separator: ", ")) of \(chart) hold\(paths.count == 1 ? "s" : "") a password or key the system generates; "
                + "changing \(paths.count == 1 ? "it" : "them") can break the services that share it. Pass --force to override anyway."
        }
    }
}
