import Plot
import Vapor
import ReunifyDomain

/// A create or edit form for one record: heading, error summary, the fields, and — when someone else saved
/// the record meanwhile — both versions side by side so nothing is overwritten unseen.
struct RecordFormPage {
    let title: String
    let action: String
    let cancel: String
    /// The button's text; nil says "Save" in the form's language.
    var submitLabel: String? = nil
    let view: FormView
    let fields: [Node<HTML.FormContext>]
    /// Rows of (field, what you entered, what is saved now) after a version conflict.
    var conflict: [(String, String, String)]? = nil
    var breadcrumbs: [(String, String)] = []

    func render(_ req: Request, status: HTTPResponseStatus = .ok) -> Response {
        let t = view.t
        return Layout(title: title, signedIn: req.signedIn, breadcrumbs: breadcrumbs).render(
            .h1(.text(title)),
            view.errorSummary(),
            .unwrap(conflict) { rows in
                .div(.class("conflict"), .attribute(named: "role", value: "alert"),
                    .h2(.text(t(.formConflictHeading, [:]))),
                    .p(.text(t(.formConflictAdvice, [:]))),
                    .table(.class("table"),
                        .thead(.tr(.th(.text(t(.formConflictField, [:]))), .th(.text(t(.formConflictYours, [:]))),
                                   .th(.text(t(.formConflictSaved, [:]))))),
                        .tbody(.forEach(rows) { row in
                            .tr(.class(row.1 == row.2 ? "" : "changed"), .th(.text(row.0)), .td(.text(row.1)), .td(.text(row.2)))
                        })))
            },
            // The people on these forms are the family, not the person typing: the browser fills in none of its own details.
            .form(.method(.post), .action(action), .attribute(named: "novalidate"), .attribute(named: "autocomplete", value: "off"),
                csrfField(req.signedIn),
                view.hidden("version"),
                .group(fields),
                .div(.class("actions"),
                    .button(.type(.submit), .class("button"), .text(submitLabel ?? t(.formSave, [:]))),
                    .a(.class("link"), .href(cancel), .text(t(.formCancel, [:])))))
        ).with(status: status)
    }
}

/// Lines up two versions of a record for the conflict table.
func conflictRows(mine: [(String, String)], saved: [(String, String)]) -> [(String, String, String)] {
    zip(mine, saved).map { ($0.0, $0.1, $1.1) }
}

/// Runs a form's command; a refusal the form can show is added to `errors` (false), any other error is thrown.
func attemptForm(_ errors: inout [FieldError], _ body: () async throws -> Void) async throws -> Bool {
    do {
        try await body()
        return true
    } catch {
        guard let refusal = FormRefusal(error) else { throw error }
        errors += refusal.errors
        return false
    }
}

/// A command's refusal as a form shows it: the fields to put right, and the status to answer with.
struct FormRefusal {
    let errors: [FieldError]
    let status: HTTPResponseStatus

    /// Nil for errors a form does not show beside its fields (they reach the error page instead).
    init?(_ error: any Error) {
        switch error {
        case let invalid as ValidationFailure: (errors, status) = (invalid.errors, .unprocessableEntity)
        case let duplicate as DuplicateRecord: (errors, status) = ([duplicate.error], .conflict)
        case let clash as VisitClash: (errors, status) = ([FieldError("start", clash.message)], .conflict)
        case let conflict as StateConflict: (errors, status) = ([conflict.error(field: "to")], .conflict)
        default: return nil
        }
    }
}
