import Compiler

/// The applications sysinvc deploys with nothing uploaded. Each application's catalog entry (its
/// Armada manifest, its chart plugins and its rules) is in one file, so adding a chart touches
/// the chart's plugin and that file.
public enum BuiltInApplications {
    public static let stxOpenstack = StxOpenstackApplication.name
    public static let platformIntegApps = PlatformIntegApplication.name

    public static let all: [CatalogApplication] = [PlatformIntegApplication.entry, StxOpenstackApplication.entry]
}
