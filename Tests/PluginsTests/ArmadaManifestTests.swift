import Compiler
import Foundation
import Plugins
import XCTest

/// The openstack example's armada output: schema-valid documents, every name resolvable, groups
/// in the reference's order, and what a system calls for.
final class ArmadaManifestTests: XCTestCase {
    static let manifestPath = "armada/stx-openstack/stx-openstack-armada-manifest.yaml"

    func documents(_ result: Pipeline.Result, _ path: String = manifestPath) throws -> [YAMLValue] {
        let file = try XCTUnwrap(result.tree?.files[path], path)
        guard case let .yamlDocuments(documents) = file.content else { throw XCTSkip("not YAML documents") }
        return documents
    }

    func testEveryDocumentIsValidAgainstArmadaSchemas() throws {
        try checkSchemas(example: "openstack", manifestPath: Self.manifestPath,
                         counts: ["armada/Chart/v1": 30, "armada/ChartGroup/v1": 18, "armada/Manifest/v1": 1])
        try checkSchemas(example: "storage", manifestPath: "armada/platform-integ-apps/platform-integ-apps-platform-integration-manifest.yaml",
                         counts: ["armada/Chart/v1": 3, "armada/ChartGroup/v1": 1, "armada/Manifest/v1": 1])
    }

    func checkSchemas(example: String, manifestPath: String, counts: [String: Int]) throws {
        let result = try Examples.compile(example)
        let manifest = try XCTUnwrap(result.rendered?.files[manifestPath]?.text)
        let directory = (manifestPath as NSString).deletingLastPathComponent
        let overrides = try XCTUnwrap(result.rendered?.files.filter { $0.key.hasPrefix("\(directory)/overrides/") })
        XCTAssertEqual(overrides.count, try documents(result, manifestPath).filter { $0["schema"] == "armada/Chart/v1" }.count)
        let schemas = Examples.repository.appendingPathComponent("Tests/PluginsTests/ArmadaSchemas").path
        let request: [String: Any] = ["manifest": manifest, "schemas": schemas]
        let output = try ConsumerTests.python("""
            import sys, json, yaml, glob, jsonschema
            request = json.load(sys.stdin)
            schemas = {}
            for path in glob.glob(request["schemas"] + "/*.yaml"):
                for document in yaml.safe_load_all(open(path)):
                    if document:
                        schemas[document["metadata"]["name"]] = document["data"]
            problems, counted = [], {}
            for document in yaml.safe_load_all(request["manifest"]):
                kind = document["schema"]
                counted[kind] = counted.get(kind, 0) + 1
                for error in jsonschema.Draft4Validator(schemas[kind]).iter_errors(document["data"]):
                    problems.append(document["metadata"]["name"] + ": " + error.message)
            print(json.dumps({"problems": problems, "counted": counted}))
            """, input: try JSONSerialization.data(withJSONObject: request))
        let answer = try XCTUnwrap(try JSONSerialization.jsonObject(with: output) as? [String: Any])
        XCTAssertEqual(answer["problems"] as? [String], [])
        XCTAssertEqual(answer["counted"] as? [String: Int], counts)
    }

    func testEveryReferencedNameExists() throws {
        let documents = try documents(try Examples.compile("openstack"))
        func names(_ schema: String) -> Set<String> {
            Set(documents.filter { $0["schema"] == .string(schema) }.compactMap { document -> String? in
                if case let .string(name)? = document["metadata"]?["name"] { return name }
                return nil
            })
        }
        func strings(_ value: YAMLValue?) -> [String] {
            guard case let .list(items)? = value else { return [] }
            return items.compactMap { if case let .string(text) = $0 { return text } else { return nil } }
        }
        let charts = names("armada/Chart/v1"), groups = names("armada/ChartGroup/v1")
        for document in documents {
            switch document["schema"] {
            case "armada/Manifest/v1": XCTAssertTrue(Set(strings(document["data"]?["chart_groups"])).isSubset(of: groups))
            case "armada/ChartGroup/v1": XCTAssertTrue(Set(strings(document["data"]?["chart_group"])).isSubset(of: charts))
            default: XCTAssertTrue(Set(strings(document["data"]?["dependencies"])).isSubset(of: charts))
            }
        }
    }

    func testGroupsFollowTheReferenceAndTheSystem() throws {
        let documents = try documents(try Examples.compile("openstack"))
        let manifest = try XCTUnwrap(documents.first { $0["schema"] == "armada/Manifest/v1" })
        XCTAssertEqual(manifest["data"]?["chart_groups"], [
            "kube-system-ingress", "openstack-ingress", "openstack-mariadb", "openstack-memcached", "openstack-rabbitmq",
            "openstack-keystone", "openstack-barbican", "openstack-glance", "openstack-cinder", "openstack-ceph-rgw",
            "openstack-compute-kit", "openstack-heat", "openstack-fm-rest-api", "openstack-horizon", "openstack-telemetry",
        ])
        XCTAssertEqual(manifest["data"]?["release_prefix"], "osh")
        func group(_ name: String) -> YAMLValue? {
            documents.first { $0["schema"] == "armada/ChartGroup/v1" && $0["metadata"]?["name"] == .string(name) }
        }
        let computeKit = group("openstack-compute-kit")
        // The example runs no platform vswitch, so containerized OVS joins the compute kit; no
        // host is labelled for ironic.
        XCTAssertEqual(computeKit?["data"]?["chart_group"], [
            "openstack-libvirt", "openstack-openvswitch", "openstack-nova", "openstack-nova-api-proxy", "openstack-neutron", "openstack-placement",
        ])
        let mariadb = group("openstack-mariadb")
        XCTAssertEqual(mariadb?["data"]?["chart_group"], ["openstack-mariadb", "openstack-garbd"])
    }

    func testImagesComeFromTheLocalRegistryAndSourcesFromThePlatformRepository() throws {
        let documents = try documents(try Examples.compile("openstack"))
        let nova = try XCTUnwrap(documents.first { $0["metadata"]?["name"] == "openstack-nova" })
        XCTAssertEqual(nova["data"]?["values"]?["images"]?["tags"]?["nova_api"],
                       "registry.local:9001/docker.io/starlingx/stx-nova:master-centos-stable-latest")
        XCTAssertEqual(nova["data"]?["source"]?["location"], "http://controller:8080/helm_charts/starlingx/nova-0.1.0.tgz")
        XCTAssertEqual(nova["data"]?["values"]?["labels"]?["agent"]?["compute"]?["node_selector_key"], "openstack-compute-node")
    }

    func testApplyCommandListsEveryOverrideFileInInstallOrder() throws {
        let result = try Examples.compile("openstack")
        let command = try XCTUnwrap(result.rendered?.files["armada/stx-openstack/armada-apply.sh"]?.text)
        XCTAssertTrue(command.contains("exec armada apply --debug /manifests/stx-openstack-armada-manifest.yaml"))
        let values = command.components(separatedBy: "--values /overrides/").dropFirst().map { $0.prefix { $0 != " " && $0 != "\n" } }
        XCTAssertEqual(values.first, "kube-system-ingress.yaml")
        // Then the charts no deployed group lists: the toolkit every chart depends on, and ironic.
        XCTAssertEqual(values.suffix(2), ["helm-toolkit-helm-toolkit.yaml", "openstack-ironic.yaml"])
        XCTAssertEqual(values.count, 30)
        XCTAssertTrue(command.hasSuffix("--tiller-host tiller-deploy.kube-system.svc.cluster.local\n"))
    }

    func testNoArmadaOutputWithoutKubernetesOrTheApplication() throws {
        for name in ["standard", "no-kubernetes"] {
            let paths = try XCTUnwrap(try Examples.compile(name).tree?.paths)
            XCTAssertEqual(paths.filter { $0.hasPrefix("armada/") }, [], name)
        }
    }

    /// The openstack example, changed by `edit`, compiled in memory.
    func manifest(editing edit: (String) -> String) throws -> [YAMLValue] {
        let text = edit(try String(contentsOfFile: Examples.inventoryPath("openstack"), encoding: .utf8))
        let (inventory, loadDiagnostics) = InventoryLoader.load(text: text, file: "openstack.yaml")
        XCTAssertEqual(loadDiagnostics.filter { $0.severity == .error }, [])
        let validated = try XCTUnwrap(Validator.validate(try XCTUnwrap(inventory), applications: PluginRegistry.applications).validated)
        let tree = try Generator(plugins: PluginRegistry.all).generate(validated, secrets: SecretStore(key: Data(repeating: 3, count: 32)))
        guard case let .yamlDocuments(documents)? = tree.files[Self.manifestPath]?.content else { throw XCTSkip("no manifest") }
        return documents
    }

    func group(_ name: String, in documents: [YAMLValue]) -> YAMLValue? {
        documents.first { $0["schema"] == "armada/ChartGroup/v1" && $0["metadata"]?["name"] == .string(name) }?["data"]?["chart_group"]
    }

    func testIronicLabelPlatformVswitchAndSystemControllerReshapeTheGroups() throws {
        let ironic = try manifest {
            $0.replacingOccurrences(of: "      openstack-compute-node: enabled\n", with: "      openstack-compute-node: enabled\n      openstack-ironic: enabled\n")
        }
        XCTAssertEqual(group("openstack-compute-kit", in: ironic), [
            "openstack-libvirt", "openstack-openvswitch", "openstack-nova", "openstack-nova-api-proxy", "openstack-neutron",
            "openstack-placement", "openstack-ironic",
        ])
        let platformVswitch = try manifest { $0.replacingOccurrences(of: "  vswitch: none ", with: "  vswitch: ovs-dpdk ") }
        XCTAssertEqual(group("openstack-compute-kit", in: platformVswitch), [
            "openstack-libvirt", "openstack-nova", "openstack-nova-api-proxy", "openstack-neutron", "openstack-placement",
        ])
        let systemController = try manifest { $0.replacingOccurrences(of: "  vswitch: none ", with: "  distributed_cloud_role: systemcontroller\n  vswitch: none ") }
        let manifestDocument = systemController.first { $0["schema"] == "armada/Manifest/v1" }
        guard case let .list(groups)? = manifestDocument?["data"]?["chart_groups"] else { return XCTFail("no chart groups") }
        XCTAssertEqual(groups.last, "openstack-keystone-api-proxy")
        XCTAssertEqual(group("openstack-mariadb", in: systemController), ["openstack-mariadb"], "no arbitrator on a system controller")
    }
}
