/// The keys of one mapping, for typed lookups that name what is missing.
struct Fields {
    let owner: YAMLValue
    let what: String
    let values: [String: YAMLValue]

    subscript(_ key: String) -> YAMLValue? {
        guard let value = values[key], !value.isNull else { return nil }
        return value
    }

    func required(_ key: String) throws(FileError) -> YAMLValue {
        guard let value = self[key] else { throw owner.fail("\(what) is missing \"\(key)\"") }
        return value
    }
}
