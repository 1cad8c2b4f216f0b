import Compiler
import Foundation
@testable import Plugins
import XCTest

/// Charts on a system with Ceph, https and service parameters; the control-plane rule; the
/// compile plugin; updates and masking against real system overrides.
final class HelmSystemTests: XCTestCase {
    let secrets = HelmFixture.secrets

    func testCephTiersReachCinderGlanceNovaAndTheProvisioner() throws {
        let inventory = try HelmFixture.validated(HelmFixture.inventory(ceph: true))
        let cinder = try HelmFixture.overrides("cinder", inventory)
        XCTAssertEqual(cinder.at("conf.cinder.DEFAULT"), ["enabled_backends": "ceph-store,ceph-gold", "default_volume_type": "ceph-store"])
        XCTAssertEqual(cinder.at("conf.ceph.pools.cinder-volumes-gold.crush_rule"), "gold_tier_ruleset")
        XCTAssertEqual(cinder.at("conf.ceph.pools.backup.replication"), 3)
        XCTAssertEqual(cinder.at("conf.backends.rbd1"), "")
        let monitors = try XCTUnwrap(cinder.at("conf.ceph.monitors"))
        // sysinv's order: controller-1, the floating address, controller-0 (then a third monitor).
        XCTAssertEqual(monitors, YAMLValue(strings: ["controller-1", "controller", "controller-0"].compactMap { inventory.address($0, .mgmt) }.map { "\($0):6789" }))
        XCTAssertEqual(cinder.at("ceph_client.user_secret_name"), "ceph-pool-kube-rbd")
        let glance = try HelmFixture.overrides("glance", inventory)
        XCTAssertEqual(glance.at("storage"), "rbd")
        XCTAssertEqual(glance.at("pod.replicas.api"), 2)
        XCTAssertEqual(glance.at("conf.glance.glance_store.rbd_store_replication"), 3)
        let nova = try HelmFixture.overrides("nova", inventory)
        XCTAssertEqual(nova.at("conf.ceph.ephemeral_storage.rbd_pools.0.rbd_replication"), 3)
        XCTAssertEqual(nova.at("conf.overrides.nova_compute.hosts.0.conf.nova.libvirt.images_type"), "rbd")
        let rbd = try HelmFixture.overrides("rbd-provisioner", namespace: "kube-system", application: BuiltInApplications.platformIntegApps, inventory)
        XCTAssertEqual(rbd.at("classes.1.name"), "gold-general")
        XCTAssertEqual(rbd.at("classes.0.userSecretName"), "ceph-pool-kube-rbd")
        XCTAssertEqual(rbd.at("global.replicas"), 2)
        let audit = try HelmFixture.overrides("ceph-pools-audit", namespace: "kube-system", application: BuiltInApplications.platformIntegApps, inventory)
        XCTAssertEqual(audit.at("conf.ceph.storage_tiers.0"),
                       ["name": "ceph-store", "replication": 3, "min_replication": 2, "crush_rule_name": "storage_tier_ruleset"])
    }

    func testWithoutCephTheProvisionerHasNothingToDo() throws {
        let inventory = try HelmFixture.validated(HelmFixture.inventory())
        XCTAssertEqual(try HelmFixture.overrides("rbd-provisioner", namespace: "kube-system", application: BuiltInApplications.platformIntegApps, inventory), [:])
    }

    func testHttpsAndEndpointDomain() throws {
        let extra = """
        service_parameters:
          - {service: openstack, section: helm, name: endpoint_domain, value: Cloud.Example.COM}
          - {service: horizon, section: auth, name: lockout_retries, value: "5"}
          - {service: horizon, section: auth, name: lockout_seconds, value: "600"}
        """
        let inventory = try HelmFixture.validated(HelmFixture.inventory(https: true, extra: extra))
        let keystone = try HelmFixture.overrides("keystone", inventory)
        XCTAssertEqual(keystone.at("endpoints.identity.host_fqdn_override.public.host"), "keystone.cloud.example.com")
        XCTAssertEqual(keystone.at("endpoints.identity.scheme"), ["public": "https"])
        XCTAssertEqual(keystone.at("endpoints.identity.port.api.public"), 443)
        let horizon = try HelmFixture.overrides("horizon", inventory)
        XCTAssertEqual(horizon.at("conf.horizon.local_settings.config.lockout_retries_num"), "5")
        XCTAssertEqual(horizon.at("conf.horizon.local_settings.config.https_enabled"), "True")
        XCTAssertEqual(horizon.at("network.node_port.enabled"), false)
        XCTAssertEqual(try HelmFixture.overrides("nova", inventory).at("conf.nova.vnc.novncproxy_base_url"),
                       "https://novncproxy.cloud.example.com/vnc_auto.html")
    }

    /// sysinv replaced all of `conf.plugins` for one ml2 parameter; here siblings survive.
    func testNeutronServiceParametersKeepSiblings() throws {
        let extra = """
        service_parameters:
          - {service: network, section: ml2, name: mechanism_drivers, value: "openvswitch,sriovnicswitch"}
          - {service: network, section: ml2, name: tenant_network_types, value: vxlan}
          - {service: network, section: default, name: service_plugins, value: router}
        """
        let inventory = try HelmFixture.validated(HelmFixture.inventory(extra: extra))
        let neutron = try HelmFixture.overrides("neutron", inventory)
        XCTAssertEqual(neutron.at("conf.plugins.ml2_conf.ml2"), ["mechanism_drivers": "openvswitch,sriovnicswitch", "tenant_network_types": "vxlan"])
        XCTAssertEqual(neutron.at("conf.neutron.DEFAULT.service_plugins"), "router")
        XCTAssertNotNil(neutron.at("conf.overrides.neutron_ovs-agent.hosts.0"))
        XCTAssertNotNil(neutron.at("conf.paste"))
    }

    func testNoControlPlaneHostIsAnError() throws {
        let text = HelmFixture.inventory(controlPlane: false)
        let problems = try HelmFixture.validation(text).diagnostics.filter { $0.code == .helmControlPlane }
        XCTAssertEqual(problems.map(\.code), [.helmControlPlane])
        XCTAssertEqual(problems.first?.severity, .error)
        let unapplied = try HelmFixture.validation(text.replacingOccurrences(of: "applied: true", with: "applied: false"))
        XCTAssertEqual(unapplied.diagnostics.filter { $0.code == .helmControlPlane }, [])
    }

    /// stx-openstack without Ceph comes up with no volume service: a warning. With Ceph but
    /// without platform-integ-apps, its charts wait for a secret nothing creates: an error.
    func testStxOpenstackAsksForCephAndItsProvisioner() throws {
        let withoutCeph = try HelmFixture.validation(HelmFixture.inventory()).diagnostics.filter { $0.code == .helmNeedsCeph }
        XCTAssertEqual(withoutCeph.map(\.severity), [.warning])
        XCTAssertTrue(withoutCeph.first?.message.contains("add storage.ceph") ?? false)
        let ready = try HelmFixture.validation(HelmFixture.inventory(ceph: true)).diagnostics
        XCTAssertEqual(ready.filter { $0.code == .helmNeedsCeph || $0.code == .helmNeedsPlatformApps }, [])
        let withoutProvisioner = HelmFixture.inventory(ceph: true).replacingOccurrences(of: "  - {name: platform-integ-apps, applied: true}", with: "")
        let missing = try HelmFixture.validation(withoutProvisioner).diagnostics.filter { $0.code == .helmNeedsPlatformApps }
        XCTAssertEqual(missing.map(\.severity), [.error])
        XCTAssertTrue(missing.first?.message.contains("apply it too") ?? false)
    }

    func testCompileWritesEveryChartSecurely() throws {
        let inventory = try HelmFixture.validated(HelmFixture.inventory())
        let tree = try Generator(plugins: [HelmOverridesPlugin()]).generate(inventory, secrets: secrets)
        let helm = tree.paths.filter { $0.hasPrefix("helm/") }
        let expected = StxOpenstackApplication.entry.charts.count
        XCTAssertEqual(helm.count, expected)
        XCTAssertTrue(helm.contains("helm/stx-openstack/kube-system/ingress.yaml"))
        XCTAssertTrue(helm.allSatisfy { tree.files[$0]?.secure == true })
        let off = try HelmFixture.validated(HelmFixture.inventory().replacingOccurrences(of: "enabled: true, version", with: "enabled: false, version"))
        XCTAssertTrue(try Generator(plugins: [HelmOverridesPlugin()]).generate(off, secrets: secrets).paths.filter { $0.hasPrefix("helm/") }.isEmpty)
    }

    func testUserOverridesWinAndNullsDelete() throws {
        let path = try XCTUnwrap(HelmFixture.validated(HelmFixture.inventory()).inventory.files.first)
        let store = UserOverrideStore(inventoryPath: path)
        try store.write(["pod": ["replicas": ["server": 5]], "labels": .null], application: "stx-openstack", chart: "rabbitmq", namespace: "openstack")
        // The load stage reads the store: validate again.
        let inventory = try XCTUnwrap(Pipeline.standard().validate(path: path).inventory)
        let overrides = try inventory.catalog.overrides(application: "stx-openstack", chart: "rabbitmq", namespace: "openstack",
                                                        inventory: inventory, secrets: secrets)
        XCTAssertEqual(overrides.combined.keys.sorted(), ["endpoints", "pod"])
        XCTAssertEqual(YAMLValue.map(overrides.combined).at("pod.replicas.server"), 5)
        let tree = try Generator(plugins: [HelmOverridesPlugin()]).generate(inventory, secrets: secrets)
        guard case let .yaml(written)? = tree.files["helm/stx-openstack/openstack/rabbitmq.yaml"]?.content else { return XCTFail("no file") }
        XCTAssertEqual(written.at("pod.replicas.server"), 5)
    }

    func testGeneratedSecretsAreMaskedAndProtected() throws {
        let inventory = try HelmFixture.validated(HelmFixture.inventory())
        let overrides = try inventory.catalog.overrides(application: "stx-openstack", chart: "ceilometer", namespace: "openstack",
                                                        inventory: inventory, secrets: secrets)
        let masked = YAMLValue.map(SecretMask.masked(overrides.system, secrets: overrides.secrets))
        XCTAssertEqual(masked.at("conf.ceilometer.notification.messaging_urls.values.0"),
                       "rabbit://rabbitmq-admin:********@rabbitmq.openstack.svc.cluster.local:5672/ceilometer")
        XCTAssertEqual(masked.at("endpoints.oslo_cache.auth.memcache_secret_key"), "********")
        XCTAssertEqual(masked.at("endpoints.identity.auth.admin.username"), "admin")
        let update = OverrideUpdate(sets: ["endpoints.identity.auth.admin.password=mine,pod.replicas.central=4"])
        XCTAssertThrowsError(try update.apply(to: overrides)) { error in
            XCTAssertEqual(error as? HelmOverrideError, .protectedSecrets(chart: "ceilometer", paths: ["endpoints.identity.auth.admin.password"]))
        }
        var forced = update
        forced.force = true
        XCTAssertEqual(YAMLValue.map(try forced.apply(to: overrides)).at("endpoints.identity.auth.admin.password"), "mine")
    }
}
