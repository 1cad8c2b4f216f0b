/// The three views `helm-override-show` prints for one chart in one namespace: what the system
/// generates, what the deployer stored, and the two merged with the deployer winning
/// (chart defaults <- system <- user).
public struct ChartOverrides: Sendable {
    public let application: String
    public let chart: String
    public let namespace: String
    public let system: [String: YAMLValue]
    public let user: [String: YAMLValue]
    /// System-generated secret values found in `system`, for masking and protection.
    public let secrets: Set<String>
    /// The manifest's Chart document that deploys the chart; nil when the manifest does not.
    public let armada: ArmadaChart?
    /// `system` with `user` merged over it, as helm merges values files; the helm files, the
    /// Armada documents and `helm-override-show` all read it, so it is merged once.
    public let combined: [String: YAMLValue]

    public init(application: String, chart: String, namespace: String, system: [String: YAMLValue], user: [String: YAMLValue],
                secrets: Set<String>, armada: ArmadaChart?) {
        self.application = application
        self.chart = chart
        self.namespace = namespace
        self.system = system
        self.user = user
        self.secrets = secrets
        self.armada = armada
        combined = HelmMerge.merge([system, user])
    }

    /// The same chart with other user overrides, e.g. after an update.
    public func with(user: [String: YAMLValue]) -> ChartOverrides {
        ChartOverrides(application: application, chart: chart, namespace: namespace, system: system, user: user, secrets: secrets,
                       armada: armada)
    }

    /// The Armada document `armada apply --values` takes for the chart (`ArmadaDeployment`),
    /// with `combined` as the overrides (masked for display, or as they are); nil when the
    /// application's manifest does not deploy the chart.
    public func armadaDocument(combined: [String: YAMLValue]) -> YAMLValue? {
        armada.map { ArmadaDeployment.overrideDocument($0, combined: combined) }
    }
}
