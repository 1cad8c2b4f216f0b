/// Rules over the inventory's applications list. Whether a name is an application at all is the
/// armada plugin's check: only it knows the built-in and uploaded applications.
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
