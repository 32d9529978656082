import Hummingbird
import Presentation

/// An agenda as the API answers it: `AgendaDocument`, the JSON `agenda show --format json` prints too.
struct AgendaBody: ResponseEncodable {
    let document: AgendaDocument

    func encode(to encoder: any Encoder) throws { try document.encode(to: encoder) }
}
