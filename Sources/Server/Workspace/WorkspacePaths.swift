/// The workspace's addresses: contracts for bookmarks and the sign-in mail.
enum WorkspacePaths {
    static let root = "/arbetsyta"
    static let overview = "/arbetsyta/"
    static let signIn = "/arbetsyta/logga-in"
    static let link = "/arbetsyta/logga-in/lank"
    static let signOut = "/arbetsyta/logga-ut"
    static let meetings = "/arbetsyta/moten"
    static let items = "/arbetsyta/arenden"
    static let rotation = "/arbetsyta/vardskap"
    static let plan = "/arbetsyta/planera"

    static func meeting(_ id: String) -> String { "\(meetings)/\(id)" }
    static func agenda(_ id: String) -> String { "\(meetings)/\(id)/dagordning" }
    static func minutes(_ id: String) -> String { "\(meetings)/\(id)/minnesanteckningar" }
    static func item(_ id: Int64) -> String { "\(items)/\(id)" }
}
