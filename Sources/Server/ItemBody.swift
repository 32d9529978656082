import Hummingbird
import KalendariumCore

/// One item as the API answers it: `ItemDocument`, the JSON `items --format json` prints too.
struct ItemBody: ResponseEncodable {
    let document: ItemDocument

    init(_ item: Item) { document = ItemDocument(item) }

    func encode(to encoder: any Encoder) throws { try document.encode(to: encoder) }
}
