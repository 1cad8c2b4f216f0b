import Compiler

extension ArmadaManifestPlugin {
    /// An application the inventory lists must be one sysinvc can deploy (built in, or uploaded
    /// beside the inventory): an unknown name would compile to nothing and say nothing. Names
    /// the schema already refused are not reported twice.
    public func check(_ inventory: ValidatedInventory) -> [Diagnostic] {
        let known = available(for: inventory).map(\.name)
        return inventory.inventory.applications.compactMap { application in
            let name = application.name
            guard !known.contains(name.value), FieldGrammar.dnsLabel("application name").problem(name.value) == nil else { return nil }
            return Diagnostic(.unknownApplication,
                "application \(name.value) is neither built in nor uploaded; upload it with sysinvc application-upload or list one of \(known.joined(separator: ", "))",
                at: name.location)
        }
    }
}
