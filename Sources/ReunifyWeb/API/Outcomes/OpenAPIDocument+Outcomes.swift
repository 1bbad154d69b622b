import Foundation
import ReunifyDomain

extension OpenAPIDocument {
    static let outcomesOperations: [String: (id: String, tag: String)] = [
        "get /api/v1/outcomes": ("getOutcomes", "Outcomes"),
        "get /api/v1/exports/episodes.csv": ("exportEpisodes", "Outcomes"),
        "get /api/v1/exports/placements.csv": ("exportPlacements", "Outcomes"),
    ]

    static func query(_ name: String, _ description: String, required: Bool = false, format: String? = nil) -> [String: Any] {
        var schema: [String: Any] = ["type": "string"]
        if let format { schema["format"] = format }
        return ["name": name, "in": "query", "required": required, "description": description, "schema": schema]
    }

    static func csvExport(_ summary: String, columns: [String]) -> [String: Any] {
        var errors: [String: Any] = [:]
        for code in [401, 403] { errors[String(code)] = ["description": "Error", "content": ["application/json": ["schema": ref("Error")]]] }
        return ["summary": summary + " (RFC 4180, UTF-8, a header row: \(columns.joined(separator: ", "))); streamed; audited",
                "parameters": [query("unit", "an administrator's choice of unit; a supervisor always gets their own")],
                "responses": errors.merging(["200": ["description": "The CSV file",
                                                     "content": ["text/csv": ["schema": ["type": "string"]]]]]) { a, _ in a }]
    }

    static func outcomesPaths() -> [String: Any] {
        [
            "/api/v1/outcomes": [
                "get": ["summary": "P1 permanency in 12 months, P4 re-entry in 12 months, P5 placement stability and the time to reunification for the children who entered care in the period (a supervisor's unit, or an administrator's agency or unit)",
                        "parameters": [query("start", "the period's first day, YYYY-MM-DD", required: true, format: "date"),
                                       query("end", "the period's last day, YYYY-MM-DD (included)", required: true, format: "date"),
                                       query("unit", "an administrator's choice of unit; a supervisor always gets their own")],
                        "responses": ["200": ["description": "Success", "content": ["application/json": ["schema": ref("Outcomes")]]],
                                      "400": ["description": "Error", "content": ["application/json": ["schema": ref("Error")]]],
                                      "401": ["description": "Error", "content": ["application/json": ["schema": ref("Error")]]],
                                      "403": ["description": "Error", "content": ["application/json": ["schema": ref("Error")]]],
                                      "422": ["description": "Error", "content": ["application/json": ["schema": ref("Error")]]]]] as [String: Any],
            ],
            "/api/v1/exports/episodes.csv": ["get": csvExport("The removal episodes", columns: ["child_id", "birth_date", "episode_id", "removal_date", "discharge_date", "discharge_reason"])],
            "/api/v1/exports/placements.csv": ["get": csvExport("The placements, each episode's by start date then as recorded",
                                                                columns: ["child_id", "episode_id", "placement_id", "start_date", "end_date", "setting"])],
        ]
    }

    static func outcomesSchemas() -> [String: Any] {
        let rate = object(["numerator": ["type": "integer"], "denominator": ["type": "integer"], "rate": nullable(["type": "number"])],
                          required: ["numerator", "denominator", "rate"])
        return [
            "Outcomes": object([
                "start": date, "end": date, "unit": string, "asOf": date, "p1": rate, "p4": rate,
                "p5": object(["moves": ["type": "integer"], "days": ["type": "integer"], "ratePer1000Days": nullable(["type": "number"])],
                             required: ["moves", "days", "ratePer1000Days"]),
                "timeToReunification": object([
                    "medianDays": nullable(["type": "integer"]), "reunifiedBy12Months": ["type": "number"],
                    "curve": array(object(["day": ["type": "integer"], "stillInCare": ["type": "number"], "atRisk": ["type": "integer"]],
                                          required: ["day", "stillInCare", "atRisk"])),
                ], required: ["medianDays", "reunifiedBy12Months", "curve"]),
            ], required: ["start", "end", "asOf", "p1", "p4", "p5", "timeToReunification"]),
        ]
    }
}
