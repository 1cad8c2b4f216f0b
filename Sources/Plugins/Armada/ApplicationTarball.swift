import Compiler
import Foundation
import Yams

/// An application tarball as StarlingX ships one: `metadata.yaml` (app_name, app_version), the
/// charts as `charts/<chart>-<version>.tgz`, and one armada manifest under `manifests/`. Reading
/// it checks everything an upload must refuse, and reports all of it at once.
public struct ApplicationTarball {
    public let name: String
    public let version: String
    public let manifestText: String
    public let application: ArmadaApplication
    /// Chart name to version, from each chart's Chart.yaml.
    public let charts: [String: String]

    public struct Refused: Error, CustomStringConvertible {
        public let tarball: String
        public let problems: [String]
        public var description: String {
            "\(tarball) is refused:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
        }
    }

    public static func read(_ path: String) throws -> ApplicationTarball {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sysinvc-app-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var problems: [String] = []
        let entries = try Tar.list(path)
        if let unsafe = entries.first(where: { $0.hasPrefix("/") || $0.split(separator: "/").contains("..") }) {
            throw Refused(tarball: path, problems: ["entry \(unsafe) would land outside the application directory"])
        }
        try Tar.extract(path, into: scratch)

        let metadata = try? Yams.load(yaml: text(scratch.appendingPathComponent("metadata.yaml")) ?? "") as? [String: Any]
        let name = metadata?["app_name"] as? String
        let version = (metadata?["app_version"]).map { "\($0)" }
        if name == nil || version == nil {
            problems.append("metadata.yaml must give app_name and app_version")
        }
        problems += metadataProblems(name: name, version: version)

        var charts: [String: String] = [:]
        let chartDirectory = scratch.appendingPathComponent("charts")
        let chartFiles = ((try? FileManager.default.contentsOfDirectory(atPath: chartDirectory.path)) ?? []).filter { $0.hasSuffix(".tgz") }.sorted()
        if chartFiles.isEmpty { problems.append("charts/ holds no chart (.tgz)") }
        for file in chartFiles {
            switch chartIdentity(chartDirectory.appendingPathComponent(file)) {
            case let .success((chart, chartVersion)):
                charts[chart] = chartVersion
                if let problem = FieldGrammar.chartName.problem(chart) {
                    problems.append("[\(DiagnosticCode.applicationChartName.rawValue)] charts/\(file): Chart.yaml name \(problem)")
                }
            case let .failure(problem): problems.append("charts/\(file): \(problem.description)")
            }
        }

        let manifestFiles = entries.filter { $0.hasPrefix("manifests/") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }
        guard manifestFiles.count == 1, let manifestText = text(scratch.appendingPathComponent(manifestFiles[0])) else {
            throw Refused(tarball: path, problems: problems + ["manifests/ must hold exactly one armada manifest (.yaml), it holds \(manifestFiles.count)"])
        }
        var documents: [YAMLValue] = []
        do {
            documents = try Yams.load_all(yaml: manifestText).compactMap { $0 }.map(YAMLValue.init(any:))
        } catch {
            problems.append("\(manifestFiles[0]) is not YAML: \(error)")
        }
        let (application, manifestProblems) = ArmadaManifestReader.read(documents, name: name ?? "", version: version ?? "")
        problems += manifestProblems.map { "\(manifestFiles[0]): \($0)" }
        for chart in application?.charts ?? [] {
            if charts[chart.chartName] == nil {
                problems.append("\(manifestFiles[0]): chart \(chart.name) uses chart \(chart.chartName), which is not in charts/")
            }
            for image in ImageReference.tags(in: chart.values) where !ImageReference.isWellFormed(image) {
                problems.append("\(manifestFiles[0]): chart \(chart.name) has a malformed image reference \"\(image)\"")
            }
        }
        guard problems.isEmpty, let name, let version, let application else { throw Refused(tarball: path, problems: problems) }
        return ApplicationTarball(name: name, version: version, manifestText: manifestText, application: application, charts: charts)
    }

    /// The name names the application's directory and the version its stored tarball; both
    /// appear in armada-apply.sh.
    static func metadataProblems(name: String?, version: String?) -> [String] {
        let code = "[\(DiagnosticCode.applicationMetadata.rawValue)] metadata.yaml"
        let nameProblem = name.flatMap { FieldGrammar.dnsLabel("application name").problem($0) }.map { "\(code): app_name \($0)" }
        let versionProblem = version.flatMap { FieldGrammar.applicationVersion.problem($0) }.map { "\(code): app_version \($0)" }
        return [nameProblem, versionProblem].compactMap { $0 }
    }

    static func text(_ url: URL) -> String? {
        FileManager.default.contents(atPath: url.path).flatMap { String(data: $0, encoding: .utf8) }
    }

    /// A chart archive holds `<chart>/Chart.yaml` naming the chart and its version.
    static func chartIdentity(_ archive: URL) -> Result<(String, String), ApplicationProblem> {
        guard let entries = try? Tar.list(archive.path) else { return .failure(ApplicationProblem("is not a gzip'd tar archive")) }
        guard let chartFile = entries.first(where: { $0.split(separator: "/").count == 2 && $0.hasSuffix("/Chart.yaml") }),
              let text = try? Tar.read(chartFile, from: archive.path),
              let chart = try? Yams.load(yaml: text) as? [String: Any],
              let name = chart["name"] as? String, let version = chart["version"].map({ "\($0)" }) else {
            return .failure(ApplicationProblem("is not a helm chart (no <chart>/Chart.yaml with name and version)"))
        }
        return .success((name, version))
    }
}

public struct ApplicationProblem: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// Docker image references: `[registry[:port]/]path[:tag][@digest]`.
enum ImageReference {
    static func tags(in values: [String: YAMLValue]) -> [String] {
        guard case let .map(tags)? = values["images"]?["tags"] else { return [] }
        return tags.keys.sorted().compactMap { if case let .string(image)? = tags[$0] { return image } else { return nil } }
    }

    nonisolated(unsafe) static let pattern = try! Regex(
        #"([a-zA-Z0-9.-]+(:[0-9]+)?/)?[a-z0-9]+([._/-][a-z0-9]+)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?"#)

    static func isWellFormed(_ reference: String) -> Bool {
        (try? pattern.wholeMatch(in: reference)) != nil
    }
}

extension YAMLValue {
    /// Converts what Yams loads (Any) into a value; unknown scalar kinds become their text.
    init(any: Any) {
        switch any {
        case let value as Bool: self = .bool(value)
        case let value as Int: self = .int(value)
        case let value as Double: self = .float(value)
        case let value as String: self = .string(value)
        case let value as [Any]: self = .list(value.map(YAMLValue.init(any:)))
        case let value as [String: Any]: self = .map(value.mapValues(YAMLValue.init(any:)))
        case is NSNull: self = .null
        default: self = .string("\(any)")
        }
    }
}
