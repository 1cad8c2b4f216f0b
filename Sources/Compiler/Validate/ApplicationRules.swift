/// Rules over the inventory's applications list.
enum ApplicationRules {
    /// An application listed twice would be applied by whichever entry a plugin reads first.
    static func check(_ inventory: Inventory) -> [Diagnostic] {
        var seen: [String: SourceLocation] = [:]
        return inventory.applications.compactMap { application in
            let name = application.name
            if let first = seen[name.value] {
                return Diagnostic(.duplicateApplication,
                    "application \(name.value) is already listed at line \(first.line); keep one entry and set its applied flag there", at: name.location)
            }
            seen[name.value] = name.location
            return nil
        }
    }
}

/// Rules over the inventory and its application catalog: every listed application exists, every
/// stored user override belongs to a chart, and each applied application's own rules hold.
enum CatalogRules {
    static func check(_ inventory: ValidatedInventory) -> [Diagnostic] {
        unknownApplications(inventory) + strayOverrides(inventory) + applicationProblems(inventory)
    }

    /// An unknown name would compile to nothing and say nothing. Names the schema already
    /// refused are not reported twice.
    static func unknownApplications(_ inventory: ValidatedInventory) -> [Diagnostic] {
        let known = inventory.catalog.names
        return inventory.inventory.applications.compactMap { application in
            let name = application.name
            guard !known.contains(name.value), FieldGrammar.dnsLabel("application name").problem(name.value) == nil else { return nil }
            return Diagnostic(.unknownApplication,
                "application \(name.value) is neither built in nor uploaded; upload it with sysinvc application-upload or list one of \(known.joined(separator: ", "))",
                at: name.location)
        }
    }

    /// Stored overrides no chart would use: kept, but said.
    static func strayOverrides(_ inventory: ValidatedInventory) -> [Diagnostic] {
        inventory.inventory.userOverrides.compactMap { stored in
            do throws(HelmOverrideError) {
                _ = try inventory.catalog.chart(stored.chart, namespace: stored.namespace, application: stored.application)
                return nil
            } catch {
                return Diagnostic(.helmUserOverrides, "ignored: \(error)", at: stored.location, severity: .warning)
            }
        }
    }

    static func applicationProblems(_ inventory: ValidatedInventory) -> [Diagnostic] {
        inventory.catalog.applied(by: inventory).flatMap { application in
            let location = inventory.inventory.applications.first { $0.name.value == application.name }?.name.location
            return application.problems(inventory, location: location ?? inventory.system.sectionLocation)
        }
    }
}
