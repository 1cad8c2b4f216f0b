import Compiler

/// An application made fit for one system, as sysinv's meta-overrides did at apply time: the
/// compute kit gains the openvswitch chart when the platform runs no vswitch of its own and the
/// ironic chart when a host is labelled for it; mariadb drops its arbitrator (garbd) where a
/// quorum cannot use one; keystone-api-proxy is deployed only on a distributed-cloud system
/// controller. Values are the chart's static values with the combined overrides merged over them.
struct ArmadaDeployment {
    let application: ArmadaApplication
    let inventory: ValidatedInventory

    static let localRegistry = "registry.local:9001"

    func customized(overrides: (ArmadaChart) -> [String: YAMLValue]) -> ArmadaApplication {
        var deployed = application
        deployed.groups = application.groups.map(adjust)
        if isSystemController, deployed.group(named: "openstack-keystone-api-proxy") != nil,
           !deployed.manifestGroups.contains("openstack-keystone-api-proxy") {
            deployed.manifestGroups.append("openstack-keystone-api-proxy")
        }
        deployed.charts = application.charts.map { chart in
            var chart = chart
            chart.values = ArmadaDeployment.rewriteImages(ArmadaDeployment.update(chart.values, with: overrides(chart)))
            return chart
        }
        return deployed
    }

    var isSystemController: Bool { inventory.system.distributedCloudRole?.value == "systemcontroller" }

    private func adjust(_ group: ArmadaChartGroup) -> ArmadaChartGroup {
        var group = group
        switch group.name {
        case "openstack-compute-kit":
            if inventory.system.vswitchType.value == "none", application.chart(named: "openstack-openvswitch") != nil {
                group.charts.insert("openstack-openvswitch", at: min(1, group.charts.count))
            }
            if inventory.anyHostLabelled("openstack-ironic"), application.chart(named: "openstack-ironic") != nil {
                group.charts.append("openstack-ironic")
            }
        case "openstack-mariadb":
            let quorumImpossible = inventory.openstackControlPlaneLabelCount < 2 || inventory.system.type.value == .allInOne || isSystemController
            if quorumImpossible { group.charts.removeAll { $0 == "openstack-garbd" } }
        default:
            break
        }
        return group
    }

    /// Armada's merge of a values document into a chart: mappings merge key by key, anything
    /// else is replaced.
    static func update(_ base: [String: YAMLValue], with override: [String: YAMLValue]) -> [String: YAMLValue] {
        var result = base
        for (key, value) in override {
            if case let .map(existing)? = result[key], case let .map(incoming) = value {
                result[key] = .map(update(existing, with: incoming))
            } else {
                result[key] = value
            }
        }
        return result
    }

    /// Images come from the platform's local registry: any tag not already naming a
    /// `host:port/` registry is prefixed with it.
    static func rewriteImages(_ values: [String: YAMLValue]) -> [String: YAMLValue] {
        guard case let .map(images)? = values["images"], case let .map(tags)? = images["tags"] else { return values }
        var result = values
        var rewritten = images
        rewritten["tags"] = .map(tags.mapValues { tag in
            guard case let .string(reference) = tag, !namesRegistryWithPort(reference) else { return tag }
            return .string("\(localRegistry)/\(reference)")
        })
        result["images"] = .map(rewritten)
        return result
    }

    static func namesRegistryWithPort(_ reference: String) -> Bool {
        guard let host = reference.split(separator: "/").first, reference.contains("/") else { return false }
        let parts = host.split(separator: ":")
        return parts.count == 2 && Int(parts[1]) != nil
    }
}
