/// The items API described for clients and tools, served at `/openapi.yaml`.
enum OpenAPIDocument {
    static let yaml = """
        openapi: 3.1.0
        info:
          title: Kalendarium items API
          version: 1.0.0
          description: >
            The outstanding items (utestående ärenden) of Södertörnskommunerna's bodies.
            Reads are open; writes need `Authorization: Bearer <token>`.
        paths:
          /api/v1/items:
            get:
              summary: List items
              parameters:
                - {name: body, in: query, schema: {type: string}, description: "ledningsgruppen, samarbetskommitten, …"}
                - {name: owner, in: query, schema: {type: string}, description: "person:NAME, role:ROLE, network:SLUG or municipality:SLUG"}
                - {name: status, in: query, schema: {type: string}, description: "comma-separated: open, in-progress, done, cancelled"}
                - {name: due_before, in: query, schema: {type: string, format: date}}
              responses:
                "200": {description: The items, content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Item"}}}}}
                "400": {$ref: "#/components/responses/Error"}
                "503": {$ref: "#/components/responses/Error"}
            post:
              summary: Add an item
              security: [{bearer: []}]
              requestBody:
                required: true
                content: {application/json: {schema: {$ref: "#/components/schemas/NewItem"}}}
              responses:
                "201": {description: Added, content: {application/json: {schema: {$ref: "#/components/schemas/Item"}}}}
                "400": {$ref: "#/components/responses/Error"}
                "401": {$ref: "#/components/responses/Error"}
                "403": {$ref: "#/components/responses/Error"}
                "413": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
                "503": {$ref: "#/components/responses/Error"}
          /api/v1/items/{id}:
            parameters:
              - {name: id, in: path, required: true, schema: {type: integer}}
            get:
              summary: One item with its history
              responses:
                "200": {description: The item, content: {application/json: {schema: {$ref: "#/components/schemas/Item"}}}}
                "400": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
                "503": {$ref: "#/components/responses/Error"}
            patch:
              summary: Change an item; a status change is recorded in its history with today's date
              security: [{bearer: []}]
              requestBody:
                required: true
                content: {application/json: {schema: {$ref: "#/components/schemas/Patch"}}}
              responses:
                "200": {description: Changed, content: {application/json: {schema: {$ref: "#/components/schemas/Item"}}}}
                "400": {$ref: "#/components/responses/Error"}
                "401": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
                "503": {$ref: "#/components/responses/Error"}
        components:
          securitySchemes:
            bearer: {type: http, scheme: bearer}
          responses:
            Error:
              description: What is wrong with the request
              content: {application/json: {schema: {type: object, required: [error], properties: {error: {type: string}}}}}
          schemas:
            Status: {type: string, enum: [open, in-progress, done, cancelled]}
            Item:
              type: object
              required: [id, title, description, body, owners, status, history]
              properties:
                id: {type: integer}
                title: {type: string}
                description: {type: string}
                body: {type: string}
                meeting: {type: [string, "null"]}
                decision: {type: [string, "null"]}
                owners: {type: array, items: {type: string}}
                due: {type: [string, "null"], format: date}
                status: {$ref: "#/components/schemas/Status"}
                history:
                  type: array
                  items: {type: object, properties: {date: {type: string, format: date}, status: {$ref: "#/components/schemas/Status"}, text: {type: string}}}
            NewItem:
              type: object
              required: [title, body, owners]
              properties:
                title: {type: string}
                body: {type: string}
                owners: {type: array, items: {type: string}}
                description: {type: string}
                due: {type: string, format: date}
                meeting: {type: string}
                decision: {type: string}
                status: {$ref: "#/components/schemas/Status"}
            Patch:
              type: object
              additionalProperties: false
              properties:
                title: {type: string}
                description: {type: string}
                owners: {type: array, items: {type: string}}
                due: {type: [string, "null"], format: date}
                status: {$ref: "#/components/schemas/Status"}
                note: {type: string}
        """
}
