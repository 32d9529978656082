import KalendariumCore
import Yams

/// One parsed YAML file, kept as a node tree so every value still knows its line and column.
///
/// Values are read from the raw scalar text, never through YAML 1.1 type guessing:
/// `08:30` would otherwise become the number 510, and `no` a boolean.
struct YAMLDocument {
    let file: String
    let root: YAMLValue?

    /// Parses `text`; a syntax error becomes a located `FileError`.
    init(file: String, text: String) throws(FileError) {
        self.file = file
        if let refused = YAMLAliases.diagnostic(file: file, text: text) { throw FileError(refused) }
        do {
            // The basic resolver tags every plain scalar as text, as the loader reads it: the
            // default one ran regular expressions on every mapping key, to guess its YAML 1.1
            // type for the duplicate-key check. So `2019:` beside `"2019":` is now one key
            // written twice, an error, where the later one used to replace the earlier.
            root = try Yams.compose(yaml: text, .basic).map { YAMLValue(node: $0, file: file) }
        } catch let error as YamlError {
            throw FileError(YAMLDocument.describe(error, file: file))
        } catch {
            throw FileError(
                .error(.yaml, "cannot read YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1)))
        }
    }

    private static func describe(_ error: YamlError, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        func message(_ problem: String, _ context: YamlError.Context?) -> String {
            let base = "malformed YAML: \(problem)"
            guard let context else { return base }
            return base + " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return .error(.yaml, message(problem, context), at: at(mark))
        case .reader(let problem, _, _, _):
            return .error(
                .yaml, "cannot read the file as UTF-8 text: \(problem)",
                at: SourceLocation(file: file, line: 1, column: 1))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(
                .yaml,
                "the key \(duplicates.map { "\"\($0)\"" }.joined(separator: ", ")) appears twice; "
                    + "keep one", at: at(context.mark))
        default:
            return .error(.yaml, "malformed YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }
}

extension StringProtocol {

    /// En and em dashes as hyphens: "12.00 – 15.30" is how the documents write a range.
    var replacingDashes: String { String(map { $0 == "–" || $0 == "—" ? "-" : $0 }) }
}
