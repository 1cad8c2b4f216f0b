import Compiler

/// Where the OpenStack services run: replicas of control services and the node selectors that
/// pin pods to labelled hosts.
enum ControlPlane {
    /// Replicas of every control service: the hosts labelled `openstack-control-plane=enabled`
    /// (the seed's `openstack-controller-node` counts too). sysinv counted label rows of any value,
    /// and silently deployed 0 replicas when none existed; sysinvc rejects that inventory instead
    /// (see `StxOpenstackApplication.ControlPlaneRule`).
    static func replicas(_ context: ChartContext) -> Int {
        hosts(context.inventory).count
    }

    /// Found once per compile: every chart asks.
    static func hosts(_ inventory: ValidatedInventory) -> [InventoryHost] {
        inventory.derived { ControlPlaneHosts(hosts: $0.hostsLabelled(WellKnownLabel.openstackControlPlane)) }.hosts
    }

    private struct ControlPlaneHosts: Sendable {
        let hosts: [InventoryHost]
    }

    /// `pod.replicas` with every listed component at the control-plane count.
    static func podReplicas(_ components: [String], _ context: ChartContext) -> YAMLValue {
        let count = YAMLValue.int(replicas(context))
        return .map(Dictionary(uniqueKeysWithValues: components.map { ($0, count) }))
    }

    /// `labels.<component>` selecting hosts labelled `<label>=enabled`, in openstack-helm's shape.
    static func nodeSelectors(_ components: [String], label: String) -> [String: YAMLValue] {
        Dictionary(uniqueKeysWithValues: components.map { component in
            (component, ["node_selector_key": .string(label), "node_selector_value": .string(WellKnownLabel.enabled)])
        })
    }

    /// Control components on control-plane hosts; agents (`labels.agent.*`) on compute nodes.
    static func labels(control: [String], agents: [String] = []) -> YAMLValue {
        var labels = nodeSelectors(control, label: WellKnownLabel.openstackControlPlane)
        if !agents.isEmpty { labels["agent"] = .map(nodeSelectors(agents, label: WellKnownLabel.openstackComputeNode)) }
        return .map(labels)
    }

    /// What every OpenStack API service gets, and all that some need: its components' replicas,
    /// the components and their jobs on control-plane hosts, and its endpoints.
    static func apiService(_ components: [String], endpoints: [String: YAMLValue], _ context: ChartContext) -> [String: YAMLValue] {
        [
            "pod": ["replicas": podReplicas(components, context)],
            "labels": labels(control: components + ["job"]),
            "endpoints": .map(endpoints),
        ]
    }
}
