import Foundation

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
    /// The tarball's bytes as checked, which is what gets stored.
    public let archive: Data

    public struct Refused: Error, CustomStringConvertible {
        public let tarball: String
        public let problems: [String]
        public var description: String {
            "\(tarball) is refused:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
        }
    }

    /// Bounds on what an upload may hold; the tarball is read in memory and never extracted.
    public enum Limits {
        public static let archiveBytes = 64 << 20
        public static let unpackedBytes = 256 << 20
    }

    public static func read(_ path: String) throws(Refused) -> ApplicationTarball {
        let archive: Data
        switch InputFile.bytes(path, limit: Limits.archiveBytes) {
        case let .success(bytes): archive = bytes
        case let .failure(refusal): throw Refused(tarball: path, problems: ["the tarball \(refusal.message)"])
        }
        let tar: Data
        do {
            tar = try inflated(archive)
        } catch {
            throw Refused(tarball: path, problems: error.problems)
        }
        return try read(tar: tar, archive: archive, tarball: path)
    }

    /// Checks an inflated tarball; `archive` is what gets stored. Fuzzing enters here, past gzip.
    public static func read(tar: Data, archive: Data, tarball path: String) throws(Refused) -> ApplicationTarball {
        let files: [String: Data]
        do {
            files = try TarArchive(tar).files
        } catch {
            throw Refused(tarball: path, problems: error.problems)
        }
        var problems: [String] = []

        let metadata = try? ValuesFile.parse(text(files["metadata.yaml"]) ?? "")
        let name = ArmadaManifestReader.string(metadata?["app_name"])
        let version = metadata?["app_version"].flatMap(scalarText)
        if name == nil || version == nil {
            problems.append("metadata.yaml must give app_name and app_version")
        }
        problems += metadataProblems(name: name, version: version)

        var charts: [String: String] = [:]
        let chartFiles = files.keys.filter { $0.hasPrefix("charts/") && $0.hasSuffix(".tgz") && $0.split(separator: "/").count == 2 }.sorted()
        if chartFiles.isEmpty { problems.append("charts/ holds no chart (.tgz)") }
        for file in chartFiles {
            switch chartIdentity(files[file]!) {
            case let .success((chart, chartVersion)):
                charts[chart] = chartVersion
                if let problem = FieldGrammar.chartName.problem(chart) {
                    problems.append("[\(DiagnosticCode.applicationChartName.rawValue)] \(file): Chart.yaml name \(problem)")
                }
            case let .failure(problem): problems.append("\(file): \(problem.description)")
            }
        }

        let manifestFiles = files.keys.filter { $0.hasPrefix("manifests/") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }.sorted()
        guard manifestFiles.count == 1, let manifestText = text(files[manifestFiles[0]]) else {
            throw Refused(tarball: path, problems: problems + ["manifests/ must hold exactly one armada manifest (.yaml), it holds \(manifestFiles.count)"])
        }
        var documents: [YAMLValue] = []
        do {
            documents = try ValuesFile.documents(manifestText)
        } catch {
            problems.append("\(manifestFiles[0]) is not YAML: line \(error.line), column \(error.column): \(error.message)")
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
        return ApplicationTarball(name: name, version: version, manifestText: manifestText, application: application, charts: charts,
                                  archive: archive)
    }

    /// The name names the application's directory and the version its stored tarball; both
    /// appear in armada-apply.sh.
    static func metadataProblems(name: String?, version: String?) -> [String] {
        let code = "[\(DiagnosticCode.applicationMetadata.rawValue)] metadata.yaml"
        let nameProblem = name.flatMap { FieldGrammar.dnsLabel("application name").problem($0) }.map { "\(code): app_name \($0)" }
        let versionProblem = version.flatMap { FieldGrammar.applicationVersion.problem($0) }.map { "\(code): app_version \($0)" }
        return [nameProblem, versionProblem].compactMap { $0 }
    }

    /// The tar stream of a gzip'd archive, within the size limit.
    static func inflated(_ archive: Data) throws(TarArchive.Refused) -> Data {
        do throws(Gzip.Failure) {
            return try Gzip.decompress(archive, limit: Limits.unpackedBytes)
        } catch {
            switch error {
            case .notGzip: throw TarArchive.Refused(problems: ["is not a gzip'd tar archive (.tgz)"])
            case let .tooLarge(limit): throw TarArchive.Refused(problems: ["unpacks to more than \(limit) bytes"])
            }
        }
    }

    static func text(_ data: Data?) -> String? {
        data.flatMap { String(data: $0, encoding: .utf8) }
    }

    /// A version as metadata.yaml gives it: `1.0-3` is text, `1.0` a number read back as written.
    static func scalarText(_ value: YAMLValue) -> String? {
        switch value {
        case let .string(text): return text
        case let .int(number): return String(number)
        case let .float(number): return String(number)
        default: return nil
        }
    }

    /// A chart archive holds `<chart>/Chart.yaml` naming the chart and its version.
    static func chartIdentity(_ archive: Data) -> Result<(String, String), ApplicationProblem> {
        let chart: TarArchive
        do {
            chart = try TarArchive(try inflated(archive))
        } catch {
            return .failure(ApplicationProblem(error.problems.joined(separator: "; ")))
        }
        guard let chartFile = chart.files.keys.sorted().first(where: { $0.split(separator: "/").count == 2 && $0.hasSuffix("/Chart.yaml") }),
              let values = try? ValuesFile.parse(text(chart.files[chartFile]) ?? ""),
              let name = ArmadaManifestReader.string(values["name"]), let version = values["version"].flatMap(scalarText) else {
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
