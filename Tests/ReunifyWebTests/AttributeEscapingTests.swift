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

@Suite("HTML written straight into a string")
struct HTMLWriterTests {
    @Test("writes what Plot writes for the same elements")
    func sameAsPlot() {
        let options = [("intake", "Intake"), ("a\"b", "Tom & <Jerry>")]
        for selected in ["", "intake", "a\"b"] {
            let plot = selectElement(id: "stage", options: options, selected: selected, blank: "All stages").render()
            var w = HTMLWriter()
            selectElement(id: "stage", options: options, selected: selected, blank: "All stages", &w)
            #expect(w.html == plot)
        }
        let plot = Node<HTML.BodyContext>.div(.class("hint"), .a(.href("/cases?page=2&stage=intake"), .text("Next & last")),
                                              .input(.type(.hidden), .name("_csrf"), .value(""))).render()
        var w = HTMLWriter()
        w.open("div", ["class": "hint"])
        w.element("a", ["href": "/cases?page=2&stage=intake"], text: "Next & last")
        w.void("input", ["type": "hidden", "name": "_csrf", "value": nil])
        w.close("div")
        #expect(w.html == plot)
        #expect(w.html == "<div class=\"hint\"><a href=\"/cases?page=2&amp;stage=intake\">Next &amp; last</a><input type=\"hidden\" name=\"_csrf\"/></div>")
    }
}
