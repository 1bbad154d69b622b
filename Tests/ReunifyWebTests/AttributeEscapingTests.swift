import Testing
import Plot
@testable import ReunifyWeb

@Suite("Attribute values")
struct AttributeEscapingTests {
    @Test("every way the pages write an attribute escapes its value")
    func everyFormEscapes() {
        let hostile = "O\"Neil'><b>&x"
        let escaped = "O&quot;Neil&#39;&gt;&lt;b&gt;&amp;x"
        let html = Node<HTML.BodyContext>.div(
            .a(.href(hostile), .text("link")),
            .span(.attribute(named: "data-label", value: hostile)),
            .form(
                .input(.type(.text), .id(hostile), .name(hostile), .value(hostile), .attribute(named: "aria-label", value: hostile)),
                .textarea(.name(hostile)),
                selectElement(id: "choice", options: [(hostile, "choice")], selected: "", blank: nil),
                .button(.name(hostile), .value(hostile), .text("go")))
        ).render()
        #expect(!html.contains(hostile))
        #expect(!html.contains("<b>"))
        #expect(html.components(separatedBy: escaped).count - 1 == 10, "\(html)")
    }

    @Test("escaping leaves plain values as they are and writes the five characters as references")
    func escape() {
        #expect(HTMLAttribute.escape("Tomás Quiroga, 2021-03-02") == "Tomás Quiroga, 2021-03-02")
        #expect(HTMLAttribute.escape("/cases?page=2&stage=intake") == "/cases?page=2&amp;stage=intake")
        #expect(HTMLAttribute.escape("<\"'&>") == "&lt;&quot;&#39;&amp;&gt;")
    }
}
