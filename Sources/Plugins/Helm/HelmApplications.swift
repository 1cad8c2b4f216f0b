import Compiler

/// The applications sysinvc generates chart overrides for, each with its charts in the order of
/// sysinv's `NNN_<chart>` entry points (stx-openstack as of 2019-06, fm-rest-api from 2019-09;
/// magnum and murano, which the seed names, after them).
public enum HelmApplications {
    public static let stxOpenstack = "stx-openstack"
    public static let platformIntegApps = "platform-integ-apps"

    public static let all: [HelmApplication] = [
        HelmApplication(name: platformIntegApps, charts: [
            HelmToolkitOverrides(),          // 001
            RbdProvisionerOverrides(),       // 002
            CephPoolsAuditOverrides(),       // 003
        ]),
        HelmApplication(name: stxOpenstack, charts: [
            IngressOverrides(),              // 001
            MariadbOverrides(),              // 002
            GarbdOverrides(),                // 003
            RabbitmqOverrides(),             // 004
            MemcachedOverrides(),            // 005
            KeystoneOverrides(),             // 006
            HeatOverrides(),                 // 007
            HorizonOverrides(),              // 008
            GlanceOverrides(),               // 009
            OpenvswitchOverrides(),          // 010
            LibvirtOverrides(),              // 011
            NeutronOverrides(),              // 012
            NovaOverrides(),                 // 013
            NovaApiProxyOverrides(),         // 014
            CinderOverrides(),               // 015
            GnocchiOverrides(),              // 016
            CeilometerOverrides(),           // 017
            PankoOverrides(),                // 018
            AodhOverrides(),                 // 019
            HelmToolkitOverrides(),          // 020
            BarbicanOverrides(),             // 021
            KeystoneApiProxyOverrides(),     // 022
            CephRgwOverrides(),              // 023
            IronicOverrides(),               // 024
            PlacementOverrides(),            // 025
            NginxPortsControlOverrides(),    // 026
            FmRestApiOverrides(),            // 028
            MagnumOverrides(),
            MuranoOverrides(),
        ]),
    ]

    public static let catalog = HelmCatalog(applications: all)
}
