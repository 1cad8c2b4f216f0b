@testable import Compiler
import XCTest

final class HelmMergeTests: XCTestCase {
    func testMapsMergeDeeply() {
        let base: [String: YAMLValue] = ["conf": ["a": 1, "nested": ["x": "base", "y": "base"]], "other": true]
        let override: [String: YAMLValue] = ["conf": ["b": 2, "nested": ["y": "override"]]]
        XCTAssertEqual(HelmMerge.merge(base, with: override), [
            "conf": ["a": 1, "b": 2, "nested": ["x": "base", "y": "override"]],
            "other": true,
        ])
    }

    func testListIsReplacedNotMerged() {
        let merged = HelmMerge.merge(["hosts": ["a", "b", "c"]], with: ["hosts": ["z"]])
        XCTAssertEqual(merged, ["hosts": ["z"]])
    }

    func testScalarReplacesMap() {
        let merged = HelmMerge.merge(["conf": ["a": 1]], with: ["conf": "flat"])
        XCTAssertEqual(merged, ["conf": "flat"])
    }

    func testMapReplacesScalar() {
        let merged = HelmMerge.merge(["conf": "flat", "list": [1]], with: ["conf": ["a": 1], "list": ["b": 2]])
        XCTAssertEqual(merged, ["conf": ["a": 1], "list": ["b": 2]])
    }

    func testScalarReplacesScalarOfAnotherType() {
        XCTAssertEqual(HelmMerge.merge(["port": "80"], with: ["port": 8080]), ["port": 8080])
    }

    func testNullDeletesTopLevelKey() {
        let merged = HelmMerge.merge(["a": ["b": 1], "keep": 1], with: ["a": nil])
        XCTAssertEqual(merged, ["keep": 1])
    }

    func testNullDeletesNestedKey() {
        let merged = HelmMerge.merge(["a": ["b": 1, "c": ["d": 2, "e": 3]]], with: ["a": ["c": ["d": nil]]])
        XCTAssertEqual(merged, ["a": ["b": 1, "c": ["e": 3]]])
    }

    func testNullForAbsentKeyLeavesNothing() {
        XCTAssertEqual(HelmMerge.merge(["a": 1], with: ["b": nil, "c": ["d": nil, "e": 1]]), ["a": 1, "c": ["e": 1]])
    }

    func testNullInBaseIsDropped() {
        let merged = HelmMerge.merge(["a": nil, "b": ["c": nil, "d": 1]], with: [:])
        XCTAssertEqual(merged, ["b": ["d": 1]])
        XCTAssertEqual(HelmMerge.merge([["a": nil]]), [:])
    }

    func testNullsInsideListsArePositionalAndKept() {
        let merged = HelmMerge.merge([:], with: ["list": [nil, "x", ["k": nil]]])
        XCTAssertEqual(merged, ["list": [nil, "x", ["k": nil]]])
    }

    func testThreeLayersApplyInOrder() {
        let defaults: [String: YAMLValue] = ["replicas": 1, "conf": ["debug": false, "workers": 4, "drop": "me"]]
        let system: [String: YAMLValue] = ["replicas": 2, "conf": ["workers": 8, "drop": nil]]
        let user: [String: YAMLValue] = ["replicas": 3, "conf": ["debug": true]]
        XCTAssertEqual(HelmMerge.merge([defaults, system, user]), ["replicas": 3, "conf": ["debug": true, "workers": 8]])
        XCTAssertEqual(HelmMerge.merge([defaults, user, system]), ["replicas": 2, "conf": ["debug": true, "workers": 8]])
    }

    func testHigherLayerRestoresKeyNulledBelow() {
        let merged = HelmMerge.merge([["a": ["x": 1]], ["a": nil], ["a": ["y": 2]]])
        XCTAssertEqual(merged, ["a": ["y": 2]])
    }

    func testEmptyOverrideIsIdentity() {
        let base: [String: YAMLValue] = ["a": ["b": [1, 2]], "c": "d", "e": 1.5]
        XCTAssertEqual(HelmMerge.merge(base, with: [:]), base)
        XCTAssertEqual(HelmMerge.merge([base, [:]]), base)
        XCTAssertEqual(HelmMerge.merge([]), [:])
    }

    func testSetValuesMergeOntoFileValues() throws {
        var user: [String: YAMLValue] = [:]
        try HelmSet.apply("conf.debug=null,conf.level=3", to: &user)
        let merged = HelmMerge.merge(["conf": ["debug": true, "name": "x"]], with: user)
        XCTAssertEqual(merged, ["conf": ["level": 3, "name": "x"]])
    }
}
