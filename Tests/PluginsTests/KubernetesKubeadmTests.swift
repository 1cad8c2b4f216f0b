import Compiler
import Plugins
import XCTest

/// The kubeadm files: API version rule, fields of that version only, init and join agreeing.
final class KubernetesKubeadmTests: XCTestCase {
    func testAPIVersionFollowsTheKubernetesRelease() {
        XCTAssertEqual(try KubeadmAPIVersion.forKubernetes("1.22.0").get(), .v1beta3)
        XCTAssertEqual(try KubeadmAPIVersion.forKubernetes("1.30.9").get(), .v1beta3)
        XCTAssertEqual(try KubeadmAPIVersion.forKubernetes("v1.29").get(), .v1beta3)
        XCTAssertEqual(try KubeadmAPIVersion.forKubernetes("1.31.0").get(), .v1beta4)
        XCTAssertEqual(try KubeadmAPIVersion.forKubernetes("1.36.1").get(), .v1beta4)
        for unsupported in ["1.21.14", "0.31.0", "2.0.0", "1.x", "latest", "1.29.2.1", ""] {
            XCTAssertThrowsError(try KubeadmAPIVersion.forKubernetes(unsupported).get(), unsupported)
        }
    }

    func testUnsupportedVersionIsReportedAtItsLineAndWritesNoKubeadmFiles() throws {
        let text = KubernetesFixture.standard(version: "1.20.4")
        let (inventory, _) = InventoryLoader.load(text: text, file: "inline.yaml")
        let diagnostics = KubeadmAPIVersion.check(try XCTUnwrap(inventory))
        XCTAssertEqual(diagnostics.map(\.code), [.valueNotAllowed])
        XCTAssertEqual(diagnostics.first?.location?.line, 6)
        XCTAssertTrue(diagnostics.first?.message.contains("1.20.4") ?? false)
        let tree = try KubernetesFixture.compile(text)
        XCTAssertEqual(tree.paths.filter { $0.hasPrefix("kubernetes/kubeadm") }, [])
        XCTAssertEqual(KubeadmAPIVersion.check(try XCTUnwrap(InventoryLoader.load(text: KubernetesFixture.standard(), file: "x").inventory)), [])
    }

    func testDocumentsHoldOnlyFieldsOfTheirAPIVersion() throws {
        for (version, api) in [("1.29.2", "kubeadm.k8s.io/v1beta3"), ("1.31.4", "kubeadm.k8s.io/v1beta4")] {
            let tree = try KubernetesFixture.compile(KubernetesFixture.standard(version: version))
            let kinds = KubeadmFields.kinds(v1beta4: api.hasSuffix("v1beta4"))
            let paths = tree.paths.filter { $0.hasPrefix("kubernetes/kubeadm-") }
            XCTAssertEqual(paths, ["kubernetes/kubeadm-init.yaml", "kubernetes/kubeadm-join-controller-1.yaml",
                                   "kubernetes/kubeadm-join-worker-0.yaml", "kubernetes/kubeadm-join-worker-1.yaml"])
            for path in paths {
                XCTAssertTrue(try XCTUnwrap(tree.files[path]).secure, "\(path) holds tokens")
                for document in try KubernetesFixture.documents(tree, path) {
                    let kind = try XCTUnwrap(document["kind"] as? String)
                    guard (document["apiVersion"] as? String)?.hasPrefix("kubeadm.k8s.io/") == true else {
                        XCTAssertTrue(["KubeletConfiguration", "KubeProxyConfiguration"].contains(kind), kind)
                        continue
                    }
                    XCTAssertEqual(document["apiVersion"] as? String, api, "\(path) \(kind)")
                    let fields = try XCTUnwrap(kinds[kind], "\(kind) is not a kubeadm kind")
                    XCTAssertEqual(fields.violations(document), [], "\(version) \(path) \(kind)")
                }
            }
            let cluster = try XCTUnwrap(KubernetesFixture.documents(tree, "kubernetes/kubeadm-init.yaml").first { $0["kind"] as? String == "ClusterConfiguration" })
            XCTAssertEqual(cluster["kubernetesVersion"] as? String, "v\(version)")
        }
    }

    func testInitAndJoinAgreeOnEndpointAndTokens() throws {
        let tree = try KubernetesFixture.compile(KubernetesFixture.standard())
        let initDocuments = try KubernetesFixture.documents(tree, "kubernetes/kubeadm-init.yaml")
        let initConfiguration = try XCTUnwrap(initDocuments.first { $0["kind"] as? String == "InitConfiguration" })
        let cluster = try XCTUnwrap(initDocuments.first { $0["kind"] as? String == "ClusterConfiguration" })
        XCTAssertEqual(cluster["controlPlaneEndpoint"] as? String, "192.168.206.2:6443")
        XCTAssertEqual(cluster.at("etcd.external.endpoints") as? [String], ["http://192.168.206.2:2379"])
        XCTAssertEqual(cluster.at("networking.podSubnet") as? String, "172.16.0.0/16")

        let discovery = try XCTUnwrap(KubernetesFixture.documents(tree, "kubernetes/discovery.conf").first)
        let clusters = try XCTUnwrap(discovery["clusters"] as? [[String: Any]])
        let endpoint = try XCTUnwrap(cluster["controlPlaneEndpoint"] as? String)
        XCTAssertEqual(clusters.first?.at("cluster.server") as? String, "https://\(endpoint)")

        let tokens = try XCTUnwrap(initConfiguration["bootstrapTokens"] as? [[String: Any]]).compactMap { $0["token"] as? String }
        XCTAssertEqual(tokens.count, 3)
        let tokenPattern = try NSRegularExpression(pattern: "^[a-z0-9]{6}\\.[a-z0-9]{16}$")
        for token in tokens {
            XCTAssertEqual(tokenPattern.numberOfMatches(in: token, range: NSRange(token.startIndex..., in: token)), 1, token)
        }
        for host in ["controller-1", "worker-0", "worker-1"] {
            let join = try XCTUnwrap(KubernetesFixture.documents(tree, "kubernetes/kubeadm-join-\(host).yaml").first)
            XCTAssertTrue(tokens.contains(join.at("discovery.tlsBootstrapToken") as? String ?? ""), host)
            XCTAssertEqual(join.at("discovery.file.kubeConfigPath") as? String, "/etc/kubernetes/discovery/discovery.conf")
            XCTAssertEqual(join.at("nodeRegistration.name") as? String, host)
        }
        let controller1 = try XCTUnwrap(KubernetesFixture.documents(tree, "kubernetes/kubeadm-join-controller-1.yaml").first)
        XCTAssertEqual(controller1.at("controlPlane.certificateKey") as? String, initConfiguration["certificateKey"] as? String)
        XCTAssertEqual(controller1.at("controlPlane.localAPIEndpoint.advertiseAddress") as? String, "192.168.206.4")
        XCTAssertEqual((controller1.at("nodeRegistration.taints") as? [[String: Any]])?.first?["key"] as? String,
                       "node-role.kubernetes.io/control-plane", "controllers keep the NoSchedule taint")
    }

    func testKubeletArgumentsFollowTheHost() throws {
        let tree = try KubernetesFixture.compile(KubernetesFixture.standard(version: "1.31.4"))
        func arguments(_ host: String) throws -> [String: String] {
            let join = try XCTUnwrap(KubernetesFixture.documents(tree, "kubernetes/kubeadm-join-\(host).yaml").first)
            let list = try XCTUnwrap(join.at("nodeRegistration.kubeletExtraArgs") as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: list.map { ($0["name"] as! String, $0["value"] as! String) })
        }
        XCTAssertEqual(try arguments("worker-0"), ["node-ip": "192.168.206.5", "cpu-manager-policy": "none"])
        XCTAssertEqual(try arguments("worker-1"), ["node-ip": "192.168.206.6", "cpu-manager-policy": "static",
                                                   "system-reserved": "cpu=1,memory=6000Mi"])
    }

    func testIPv6AddressesAreBracketedInURLs() throws {
        let tree = try KubernetesFixture.compile(KubernetesFixture.ipv6)
        let cluster = try XCTUnwrap(KubernetesFixture.documents(tree, "kubernetes/kubeadm-init.yaml").first { $0["kind"] as? String == "ClusterConfiguration" })
        XCTAssertEqual(cluster["apiVersion"] as? String, "kubeadm.k8s.io/v1beta4")
        XCTAssertEqual(cluster["controlPlaneEndpoint"] as? String, "[fd02::2]:6443")
        XCTAssertEqual(cluster.at("etcd.external.endpoints") as? [String], ["http://[fd02::2]:2379"])
        XCTAssertTrue((cluster.at("apiServer.certSANs") as? [String])?.contains("::1") ?? false)
        let discovery = try XCTUnwrap(KubernetesFixture.documents(tree, "kubernetes/discovery.conf").first)
        XCTAssertEqual((discovery["clusters"] as? [[String: Any]])?.first?.at("cluster.server") as? String, "https://[fd02::2]:6443")
        XCTAssertEqual(tree.value(.system, "platform::kubernetes::params::etcd_endpoint"), "http://[fd02::2]:2379")
        XCTAssertEqual(tree.value(.staticConfig, "platform::etcd::params::bind_address_version"), 6)
        XCTAssertEqual(tree.value(.system, "platform::dockerdistribution::params::registry_ks_endpoint"), "http://[fd01::2]:5000/v3")
        let webhook = try XCTUnwrap(KubernetesFixture.documents(tree, "kubernetes/keystone-auth/webhook.kubeconfig").first)
        XCTAssertEqual((webhook["clusters"] as? [[String: Any]])?.first?.at("cluster.server") as? String, "https://[::1]:8443/webhook")
        let pod = try XCTUnwrap(KubernetesFixture.documents(tree, "kubernetes/keystone-auth/k8s-keystone-auth.yaml").first)
        let args = try XCTUnwrap((pod.at("spec.containers") as? [[String: Any]])?.first?["args"] as? [String])
        XCTAssertTrue(args.contains("--keystone-url=http://[fd01::2]:5000/v3"), "\(args)")
    }
}

final class KubernetesOutOfServiceTests: XCTestCase {
    /// Seed 001: the VIM keeps dynamic pods off hosts taken out of service with a NoExecute taint.
    func testLockedHostsJoinTaintedOutOfService() throws {
        let result = try Examples.compile("storage")
        let locked = try XCTUnwrap(result.tree?.files["kubernetes/kubeadm-join-worker-1.yaml"])
        let unlocked = try XCTUnwrap(result.tree?.files["kubernetes/kubeadm-join-worker-0.yaml"])
        func taints(_ file: OutputFile) -> YAMLValue? {
            guard case let .yamlDocuments(documents) = file.content else { return nil }
            return documents.first { $0["kind"] == "JoinConfiguration" }?["nodeRegistration"]?["taints"]
        }
        XCTAssertEqual(taints(locked), [["key": "services", "value": "disabled", "effect": "NoExecute"]])
        XCTAssertNil(taints(unlocked))
    }
}
