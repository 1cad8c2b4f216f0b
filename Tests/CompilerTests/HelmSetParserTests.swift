@testable import Compiler
import XCTest

/// One row: an expression, `--set` or `--set-string`, and either the parsed map or helm's error
/// text with the offset it must point at. "helm TestX" marks rows taken from helm's parser_test.go.
private struct SetCase {
    enum Outcome {
        case values([String: YAMLValue])
        case error(String, at: Int)
    }

    let input: String
    let typed: Bool
    let outcome: Outcome
    let line: UInt
}

private func ok(_ input: String, _ values: [String: YAMLValue], string: Bool = false, line: UInt = #line) -> SetCase {
    SetCase(input: input, typed: !string, outcome: .values(values), line: line)
}

private func fails(_ input: String, _ message: String, at offset: Int, string: Bool = false, line: UInt = #line) -> SetCase {
    SetCase(input: input, typed: !string, outcome: .error(message, at: offset), line: line)
}

private let deepKey = (1...32).map { "name\($0)" }.joined(separator: ".")
private let longestKey = (1...31).map { "name\($0)" }.joined(separator: ".")

private let cases: [SetCase] = [
    // Scalars and typing — helm TestParseSet
    ok("name1=null,f=false,t=true", ["name1": nil, "f": false, "t": true]),
    ok("name1=value1", ["name1": "value1"]),
    ok("leading_zeros=00009", ["leading_zeros": "00009"]),
    ok("zero_int=0", ["zero_int": 0]),
    ok("long_int=1234567890", ["long_int": 1234567890]),
    ok("boolean=true", ["boolean": true]),
    ok("is_null=null", ["is_null": nil]),
    // Typing details of helm's typedVal
    ok("a=TRUE,b=False,c=NULL", ["a": true, "b": false, "c": nil]),
    ok("a=fal\u{017F}e", ["a": false]),
    ok("a=-5,b=+7,c=-007,d=-0", ["a": -5, "b": 7, "c": -7, "d": 0]),
    ok("a=9223372036854775807,b=9223372036854775808", ["a": .int(Int.max), "b": "9223372036854775808"]),
    ok("a=1.5,b=1e3,c=0x1F,d=.5", ["a": "1.5", "b": "1e3", "c": "0x1F", "d": ".5"]),
    ok("a=", ["a": ""]),
    ok("a= spaced out ", ["a": " spaced out "]),
    // --set-string — helm TestParseSet (testsString)
    ok("long_int_string=1234567890", ["long_int_string": "1234567890"], string: true),
    ok("boolean=true", ["boolean": "true"], string: true),
    ok("is_null=null", ["is_null": "null"], string: true),
    ok("zero=0", ["zero": "0"], string: true),
    ok("a={1,true,null}", ["a": ["1", "true", "null"]], string: true),
    ok("a[1]=null", ["a": [nil, "null"]], string: true),
    // Several assignments — helm TestParseSet
    ok("name1=value1,name2=value2", ["name1": "value1", "name2": "value2"]),
    ok("name1=value1,name2=value2,", ["name1": "value1", "name2": "value2"]),
    ok("name1=,name2=value2", ["name1": "", "name2": "value2"]),
    fails("name1=value1,,,,name2=value2,", "key \"\" has no value (cannot end with ,)", at: 13),
    // Keys without a value — helm TestParseSet
    fails("name1,name2=", "key \"name1\" has no value (cannot end with ,)", at: 0),
    fails("name1,name2=value2", "key \"name1\" has no value (cannot end with ,)", at: 0),
    fails("name1,name2=value2\\", "key \"name1\" has no value (cannot end with ,)", at: 0),
    fails("name1,name2", "key \"name1\" has no value (cannot end with ,)", at: 0),
    fails("a", "key \"a\" has no value", at: 0),
    fails("a=1,b", "key \"b\" has no value", at: 4),
    fails("x=1,q\\\"\tk", "key \"q\\\"\\tk\" has no value", at: 4),
    // Empty keys: helm's set() skips them silently
    ok("=1", [:]),
    ok("[0]=1,.a=1", [:]),
    // Escapes — helm TestParseSet for values; keys use the same scanner
    ok("name1=one\\,two,name2=three\\,four", ["name1": "one,two", "name2": "three,four"]),
    ok("name1=one\\=two,name2=three\\=four", ["name1": "one=two", "name2": "three=four"]),
    ok("name1=one two three,name2=three two one", ["name1": "one two three", "name2": "three two one"]),
    ok("a\\.b=1,c\\[0\\]=x,d\\=e=f", ["a.b": 1, "c[0]": "x", "d=e": "f"]),
    ok("a=b\\", ["a": "b"]),
    // Nested maps — helm TestParseSet
    ok("outer.inner=value", ["outer": ["inner": "value"]]),
    ok("outer.middle.inner=value", ["outer": ["middle": ["inner": "value"]]]),
    ok("outer.inner1=value,outer.inner2=value2", ["outer": ["inner1": "value", "inner2": "value2"]]),
    ok("outer.inner1=value,outer.middle.inner=value", ["outer": ["inner1": "value", "middle": ["inner": "value"]]]),
    ok("name1.name2=", ["name1": ["name2": ""]]),
    ok("a.b=1,a.c=2,a.b=3", ["a": ["b": 3, "c": 2]]),
    fails("name1.name2", "key \"name2\" has no value", at: 6),
    fails("name1.name2,name1.name3", "key \"name2\" has no value (cannot end with ,)", at: 6),
    fails("name1.=name2", "key map \"name1\" has no value", at: 0),
    fails("name1.,name2", "key \"\" has no value (cannot end with ,)", at: 6),
    // Deliberately v2.13.1/v3.0.0: helm v3.10+ accepts this and sets nothing
    fails("a.", "key map \"a\" has no value", at: 0),
    // Nesting limit — helm TestParseSetNestedLevels (30 dots pass, the 31st fails at its dot)
    ok(longestKey + "=v", [:].nested(path: longestKey.split(separator: ".").map(String.init), value: "v")),
    fails(deepKey + "=value", "value name nested level is greater than maximum supported nested level of 30", at: longestKey.count),
    // List literals — helm TestParseSet
    ok("name1={value1,value2}", ["name1": ["value1", "value2"]]),
    ok("name1={value1,value2},name2={value1,value2}", ["name1": ["value1", "value2"], "name2": ["value1", "value2"]]),
    ok("name1={1021,902}", ["name1": [1021, 902]]),
    ok("name1.name2={value1,value2}", ["name1": ["name2": ["value1", "value2"]]]),
    fails("name1={1021,902", "list must terminate with '}'", at: 6),
    ok("a={}", ["a": [""]]),
    ok("a={1,true,null, x}", ["a": [1, true, nil, " x"]]),
    ok("a={1,2}b=3", ["a": [1, 2], "b": 3]),
    // `{` opens a list only right after `=`; here the comma ends the value and "2}" is a key
    fails("a=x{1,2}", "key \"2}\" has no value", at: 6),
    // Indexed lists — helm TestParseSet
    ok("list[0]=foo", ["list": ["foo"]]),
    ok("list[0].foo=bar", ["list": [["foo": "bar"]]]),
    ok("list[0].foo=bar,list[0].hello=world", ["list": [["foo": "bar", "hello": "world"]]]),
    fails("list[0].foo=bar,list[-30].hello=world", "negative -30 index not allowed", at: 21),
    ok("list[0]=foo,list[1]=bar", ["list": ["foo", "bar"]]),
    ok("list[0]=foo,list[1]=bar,", ["list": ["foo", "bar"]]),
    ok("list[0]=foo,list[3]=bar", ["list": ["foo", nil, nil, "bar"]]),
    fails("list[0]=foo,list[-20]=bar", "negative -20 index not allowed", at: 17),
    fails("illegal[0]name.foo=bar", "unexpected data at end of array index: \"name\"", at: 10),
    ok("noval[0]", ["noval": []]),
    ok("noval[0]=", ["noval": [""]]),
    ok("nested[0][0]=1", ["nested": [[1]]]),
    ok("nested[1][1]=1", ["nested": [nil, [nil, 1]]]),
    ok("name1.name2[0].foo=bar,name1.name2[1].foo=bar", ["name1": ["name2": [["foo": "bar"], ["foo": "bar"]]]]),
    ok("name1.name2[1].foo=bar,name1.name2[0].foo=bar", ["name1": ["name2": [["foo": "bar"], ["foo": "bar"]]]]),
    ok("name1.name2[1].foo=bar", ["name1": ["name2": [nil, ["foo": "bar"]]]]),
    fails("]={}].", "unable to parse key: \"]\" is a list, not a map", at: 4),
    // Index edge cases (helm TestSetIndex covers negative and > MaxIndex)
    ok("a[0][0]", ["a": []]),
    ok("a[+1]=x", ["a": [nil, "x"]]),
    ok("a[0]=1,a[0].b=2", ["a": [["b": 2]]]),
    fails("a[x]=1", "error parsing index: strconv.Atoi: parsing \"x\": invalid syntax", at: 2),
    fails("a[]=1", "error parsing index: strconv.Atoi: parsing \"\": invalid syntax", at: 2),
    fails("a[ 1]=1", "error parsing index: strconv.Atoi: parsing \" 1\": invalid syntax", at: 2),
    fails("a[99999999999999999999]=1", "error parsing index: strconv.Atoi: parsing \"99999999999999999999\": value out of range", at: 2),
    fails("a[-1]=1", "negative -1 index not allowed", at: 2),
    fails("a[0", "error parsing index: EOF", at: 2),
    fails("a[1][-2]=1", "negative -2 index not allowed", at: 5),
    ok("a[65536]=x", ["a": .list(Array(repeating: .null, count: 65536) + ["x"])]),
    fails("a[65537]=x", "index of 65537 is greater than maximum supported index of 65536", at: 2),
    fails("a[65537].b=x", "index of 65537 is greater than maximum supported index of 65536", at: 2),
    // Deliberately v2.13.1/v3.0.0: helm v3.10+ drops `b` when the value is empty at the very end
    ok("a[0].b=", ["a": [["b": ""]]]),
    // Paths through values of the wrong kind: helm 3 recovers its panic as "unable to parse key"
    fails("a=x,a.b=1", "unable to parse key: \"a\" is a string, not a map", at: 4),
    fails("a=null,a.b=1", "unable to parse key: \"a\" is null, not a map", at: 7),
    fails("a=x,a[0]=1", "unable to parse key: \"a\" is a string, not a list", at: 4),
    fails("a[0]=1,a[0][0]=2", "unable to parse key: index 0 is an int, not a list", at: 9),
]

private extension Dictionary where Key == String, Value == YAMLValue {
    func nested(path: [String], value: YAMLValue) -> [String: YAMLValue] {
        guard let first = path.first else { return self }
        let inner: YAMLValue = path.count == 1 ? value : .map([:].nested(path: Array(path.dropFirst()), value: value))
        return [first: inner]
    }
}

final class SetParserTests: XCTestCase {
    func testTable() {
        XCTAssertGreaterThanOrEqual(cases.count, 45)
        for row in cases {
            let label = "\(row.typed ? "--set" : "--set-string") \(row.input.prefix(80))"
            do {
                let parsed = try HelmSet.parse(row.input, typed: row.typed)
                switch row.outcome {
                case let .values(expected):
                    XCTAssertEqual(parsed, expected, label, line: row.line)
                case let .error(message, offset):
                    XCTFail("\(label): expected error \"\(message)\" at \(offset), got \(parsed)", line: row.line)
                }
            } catch {
                switch row.outcome {
                case .values:
                    XCTFail("\(label): unexpected error \(error)", line: row.line)
                case let .error(message, offset):
                    XCTAssertEqual(error.message, "\(message) (at offset \(offset))", label, line: row.line)
                    XCTAssertEqual(error.offset, offset, label, line: row.line)
                    XCTAssertEqual(error.expression, row.input, label, line: row.line)
                }
            }
        }
    }

    /// helm TestParseInto (first case): dotted paths merge into an existing map.
    func testApplyMergesIntoExistingMap() throws {
        var values: [String: YAMLValue] = ["outer": ["inner1": "overwrite", "inner2": "value2"]]
        try HelmSet.apply("outer.inner1=value1,outer.inner3=value3,outer.inner4=4", to: &values)
        XCTAssertEqual(values, ["outer": ["inner1": "value1", "inner2": "value2", "inner3": "value3", "inner4": 4]])
    }

    /// helm TestParseInto (list cases): nested lists and maps inside them are reused across arguments.
    func testApplyReusesNestedLists() throws {
        var same: [String: YAMLValue] = [:]
        try HelmSet.apply("listOuter[0][0].type=listValue", to: &same)
        try HelmSet.apply("listOuter[0][0].status=alive", to: &same)
        XCTAssertEqual(same, ["listOuter": [[["type": "listValue", "status": "alive"]]]])

        var split: [String: YAMLValue] = [:]
        try HelmSet.apply("listOuter[0][0].type=listValue", to: &split)
        try HelmSet.apply("listOuter[1][0].status=alive", to: &split)
        XCTAssertEqual(split, ["listOuter": [[["type": "listValue"]], [["status": "alive"]]]])

        var deep: [String: YAMLValue] = ["listOuter": [[[["exited": "old"]]]]]
        try HelmSet.apply("listOuter[0][1][0].type=listValue", to: &deep)
        try HelmSet.apply("listOuter[0][0][1].status=alive", to: &deep)
        XCTAssertEqual(deep, ["listOuter": [[[["exited": "old"], ["status": "alive"]], [["type": "listValue"]]]]])
    }

    /// helm TestParseIntoString.
    func testApplyStringKeepsStrings() throws {
        var values: [String: YAMLValue] = ["outer": ["inner1": "overwrite", "inner2": "value2"]]
        try HelmSet.applyString("outer.inner1=1,outer.inner3=3", to: &values)
        XCTAssertEqual(values, ["outer": ["inner1": "1", "inner2": "value2", "inner3": "3"]])
    }

    func testApplyIndexKeepsOtherElements() throws {
        var values: [String: YAMLValue] = ["a": [1, 2, 3]]
        try HelmSet.apply("a[1]=x", to: &values)
        XCTAssertEqual(values, ["a": [1, "x", 3]])
        try HelmSet.apply("a={y}", to: &values)
        XCTAssertEqual(values, ["a": ["y"]])
    }

    func testApplyStoresNullForLaterMerge() throws {
        var values: [String: YAMLValue] = ["a": ["b": 1]]
        try HelmSet.apply("a=null", to: &values)
        XCTAssertEqual(values, ["a": nil])
    }

    func testFailedApplyLeavesValuesUntouched() {
        var values: [String: YAMLValue] = ["keep": 1]
        XCTAssertThrowsError(try HelmSet.apply("x=1,y[-1]=2", to: &values))
        XCTAssertEqual(values, ["keep": 1])
    }

    func testErrorDescriptionNamesTheExpression() {
        XCTAssertThrowsError(try HelmSet.parse("a")) { error in
            XCTAssertEqual("\(error)", "cannot parse --set value \"a\": key \"a\" has no value (at offset 0)")
        }
    }
}
