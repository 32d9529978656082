/// The items API described for clients and tools, served at `/openapi.yaml`: the file
/// `openapi.yaml` beside this one, embedded at build time. `OpenAPITests` checks that it
/// documents exactly the routes the server answers.
enum OpenAPIDocument {
    static let yaml = String(decoding: PackageResources.openapi_yaml, as: UTF8.self)
}
