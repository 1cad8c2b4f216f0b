
/// Reads an application's armada manifest (the documents of an uploaded tarball) into an
/// `ArmadaApplication`, reporting every problem: a missing or second Manifest, groups naming
/// charts the manifest does not define, dependencies that do not resolve.
public enum ArmadaManifestReader {
    /// What is wrong with a manifest, said so that the uploader can fix it.
    public struct Problem: Equatable, CustomStringConvertible {
        public let description: String
    }

    /// The application, or every problem found (never both).
    public static func read(_ documents: [YAMLValue], name: String, version: String) -> (application: ArmadaApplication?, problems: [Problem]) {
        var problems: [Problem] = []
        var charts: [ArmadaChart] = []
        var groups: [ArmadaChartGroup] = []
        var manifests: [(name: String, prefix: String, groups: [String])] = []
        for (index, document) in documents.enumerated() {
            guard let schema = string(document["schema"]), let documentName = string(document["metadata"]?["name"]),
                  case let .map(data)? = document["data"] else {
                problems.append(Problem(description: "document \(index + 1) is not an armada document (schema, metadata.name and data are required)"))
                continue
            }
            switch schema {
            case "armada/Chart/v1":
                if let chart = chart(documentName, data, &problems) { charts.append(chart) }
            case "armada/ChartGroup/v1":
                groups.append(ArmadaChartGroup(name: documentName, description: string(data["description"]) ?? "",
                                               sequenced: data["sequenced"] == .bool(true), charts: strings(data["chart_group"])))
            case "armada/Manifest/v1":
                manifests.append((documentName, string(data["release_prefix"]) ?? "", strings(data["chart_groups"])))
            default:
                problems.append(Problem(description: "\(documentName): unsupported document schema \(schema)"))
            }
        }
        guard manifests.count == 1, let manifest = manifests.first else {
            return (nil, problems + [Problem(description: "the manifest must hold exactly one armada/Manifest/v1 document, it holds \(manifests.count)")])
        }
        let chartNames = Set(charts.map(\.name)), groupNames = Set(groups.map(\.name))
        for group in manifest.groups where !groupNames.contains(group) {
            problems.append(Problem(description: "manifest \(manifest.name) names chart group \(group), which is not defined"))
        }
        for group in groups {
            for chart in group.charts where !chartNames.contains(chart) {
                problems.append(Problem(description: "chart group \(group.name) names chart \(chart), which is not defined"))
            }
        }
        for chart in charts {
            for dependency in chart.dependencies where !chartNames.contains(dependency) {
                problems.append(Problem(description: "chart \(chart.name) depends on \(dependency), which is not defined"))
            }
        }
        guard problems.isEmpty else { return (nil, problems) }
        return (ArmadaApplication(name: name, version: version, manifestName: manifest.name, releasePrefix: manifest.prefix,
                                          groups: groups, manifestGroups: manifest.groups, charts: charts), [])
    }

    static func chart(_ name: String, _ data: [String: YAMLValue], _ problems: inout [Problem]) -> ArmadaChart? {
        let source = data["source"]
        guard let chartName = string(data["chart_name"]), let release = string(data["release"]),
              let namespace = string(data["namespace"]), let location = string(source?["location"]) else {
            problems.append(Problem(description: "chart \(name) needs chart_name, release, namespace and source.location"))
            return nil
        }
        if let problem = FieldGrammar.dnsLabel("namespace").problem(namespace) {
            problems.append(Problem(description: "[\(DiagnosticCode.applicationNamespace.rawValue)] chart \(name): \(problem)"))
        }
        if let problem = FieldGrammar.chartName.problem(chartName) {
            problems.append(Problem(description: "[\(DiagnosticCode.applicationChartName.rawValue)] chart \(name): chart_name \(problem)"))
        }
        var values: [String: YAMLValue] = [:]
        if case let .map(map)? = data["values"] { values = map }
        var waitLabels: [String: String] = [:]
        if case let .map(labels)? = data["wait"]?["labels"] { waitLabels = labels.compactMapValues(string) }
        var waitTimeout: Int?
        if case let .int(timeout)? = data["wait"]?["timeout"] { waitTimeout = timeout }
        var preDelete: [ArmadaHookAction]?
        if case let .list(actions)? = data["upgrade"]?["pre"]?["delete"] {
            preDelete = actions.map { action in
                var labels: [String: String] = [:]
                if case let .map(map)? = action["labels"] { labels = map.compactMapValues(string) }
                return ArmadaHookAction(type: string(action["type"]) ?? "job", labels: labels)
            }
        }
        var test: Bool?
        if case let .bool(enabled)? = data["test"]?["enabled"] ?? data["test"] { test = enabled }
        return ArmadaChart(name: name, chartName: chartName, release: release, namespace: namespace,
                           sourceLocation: location, sourceSubpath: string(source?["subpath"]) ?? chartName,
                           sourceReference: string(source?["reference"]), dependencies: strings(data["dependencies"]),
                           waitTimeout: waitTimeout, waitLabels: waitLabels, upgradePreDelete: preDelete, test: test, values: values)
    }

    static func string(_ value: YAMLValue?) -> String? {
        if case let .string(text)? = value { return text }
        return nil
    }

    static func strings(_ value: YAMLValue?) -> [String] {
        guard case let .list(items)? = value else { return [] }
        return items.compactMap(string)
    }
}
