
/// An application as Armada deploys it: charts, the groups that order them, and the manifest
/// naming the groups. Built-in applications are defined in Swift; an uploaded application's
/// manifest is read into the same shape.
public struct ArmadaApplication: Sendable {
    public var name: String
    public var version: String
    public var manifestName: String
    public var releasePrefix: String
    /// Groups in install order; `manifestGroups` names those the manifest deploys.
    public var groups: [ArmadaChartGroup]
    public var manifestGroups: [String]
    public var charts: [ArmadaChart]

    public init(name: String, version: String, manifestName: String, releasePrefix: String, groups: [ArmadaChartGroup],
                manifestGroups: [String], charts: [ArmadaChart]) {
        self.name = name
        self.version = version
        self.manifestName = manifestName
        self.releasePrefix = releasePrefix
        self.groups = groups
        self.manifestGroups = manifestGroups
        self.charts = charts
    }

    public func chart(named name: String) -> ArmadaChart? { charts.first { $0.name == name } }
    /// The Chart document deploying `chart` (its `chart_name`) into `namespace`.
    public func chart(named chart: String, namespace: String) -> ArmadaChart? {
        charts.first { $0.chartName == chart && $0.namespace == namespace }
    }
    public func group(named name: String) -> ArmadaChartGroup? { groups.first { $0.name == name } }
    /// The charts of `names`, in that order.
    public func charts(in names: [String]) -> [ArmadaChart] { names.compactMap(chart(named:)) }
}

/// An Armada hook action: delete the resources of `type` carrying `labels`.
public struct ArmadaHookAction: Sendable, Equatable {
    public var type: String
    public var labels: [String: String]

    public init(type: String, labels: [String: String]) {
        self.type = type
        self.labels = labels
    }
}

public struct ArmadaChartGroup: Sendable, Equatable {
    public var name: String
    public var description: String
    public var sequenced: Bool
    public var charts: [String]

    public init(name: String, description: String, sequenced: Bool, charts: [String]) {
        self.name = name
        self.description = description
        self.sequenced = sequenced
        self.charts = charts
    }
}

/// One `armada/Chart/v1` document.
public struct ArmadaChart: Sendable {
    /// `metadata.name`, the name groups and overrides refer to.
    public var name: String
    public var chartName: String
    public var release: String
    public var namespace: String
    public var sourceLocation: String
    public var sourceSubpath: String
    public var sourceReference: String?
    public var dependencies: [String]
    /// `wait.timeout` in seconds and `wait.labels`; nil writes no `wait`.
    public var waitTimeout: Int?
    public var waitLabels: [String: String]
    /// What is deleted before an upgrade (old jobs, test pods); nil writes no `upgrade`.
    public var upgradePreDelete: [ArmadaHookAction]?
    public var test: Bool?
    public var values: [String: YAMLValue]

    public init(name: String, chartName: String, release: String, namespace: String, sourceLocation: String, sourceSubpath: String,
                sourceReference: String?, dependencies: [String], waitTimeout: Int?, waitLabels: [String: String],
                upgradePreDelete: [ArmadaHookAction]?, test: Bool?, values: [String: YAMLValue]) {
        self.name = name
        self.chartName = chartName
        self.release = release
        self.namespace = namespace
        self.sourceLocation = sourceLocation
        self.sourceSubpath = sourceSubpath
        self.sourceReference = sourceReference
        self.dependencies = dependencies
        self.waitTimeout = waitTimeout
        self.waitLabels = waitLabels
        self.upgradePreDelete = upgradePreDelete
        self.test = test
        self.values = values
    }
}

/// The Deckhand-style documents of an application.
extension ArmadaApplication {
    public static func document(_ schema: String, _ name: String, _ data: [String: YAMLValue]) -> YAMLValue {
        ["schema": .string("armada/\(schema)/v1"),
         "metadata": ["schema": "metadata/Document/v1", "name": .string(name)],
         "data": .map(data)]
    }

    /// Charts first, then groups, then the manifest: the order Armada's own manifests use.
    public func documents() -> [YAMLValue] {
        charts.map { Self.document("Chart", $0.name, $0.data) }
            + groups.map { group in
                Self.document("ChartGroup", group.name, [
                    "description": .string(group.description),
                    "sequenced": .bool(group.sequenced),
                    "chart_group": .list(group.charts.map(YAMLValue.string)),
                ])
            }
            + [Self.document("Manifest", manifestName, [
                "release_prefix": .string(releasePrefix),
                "chart_groups": .list(manifestGroups.map(YAMLValue.string)),
            ])]
    }
}

extension ArmadaChart {
    public var data: [String: YAMLValue] {
        var source: [String: YAMLValue] = ["type": "tar", "location": .string(sourceLocation), "subpath": .string(sourceSubpath)]
        if let sourceReference { source["reference"] = .string(sourceReference) }
        var data: [String: YAMLValue] = [
            "chart_name": .string(chartName),
            "release": .string(release),
            "namespace": .string(namespace),
            "source": .map(source),
            "dependencies": .list(dependencies.map(YAMLValue.string)),
            "values": .map(values),
        ]
        if let waitTimeout {
            data["wait"] = ["timeout": .int(waitTimeout), "labels": .map(waitLabels.mapValues(YAMLValue.string))]
            data["install"] = ["no_hooks": false]
        }
        if let upgradePreDelete {
            data["upgrade"] = [
                "no_hooks": false,
                "pre": ["delete": .list(upgradePreDelete.map { action in
                    ["type": .string(action.type), "labels": .map(action.labels.mapValues(YAMLValue.string))]
                })],
            ]
        }
        if let test { data["test"] = ["enabled": .bool(test)] }
        return data
    }
}
