package html

import (
	"html/template"
	"strconv"
	"strings"
)

// Render writes the table's markup. Tables are most of a large report
// (a KPI row per indicator), so they are written here rather than by the
// template, whose reflection costs about as much per cell as a PDF page
// costs per row; every text is escaped with template.HTMLEscapeString.
func (t *table) Render() template.HTML {
	var b strings.Builder
	b.WriteString("\n<div class=\"table\" role=\"group\" aria-labelledby=\"")
	b.WriteString(template.HTMLEscapeString(t.CaptionID))
	b.WriteString("\" tabindex=\"0\">\n<table id=\"")
	b.WriteString(template.HTMLEscapeString(t.ID))
	b.WriteString("\">\n<caption id=\"")
	b.WriteString(template.HTMLEscapeString(t.CaptionID))
	b.WriteString("\">")
	b.WriteString(template.HTMLEscapeString(t.Caption))
	b.WriteString("</caption>\n<thead>\n<tr>")
	for _, c := range t.Columns {
		startCell(&b, `th scope="col"`, c.Class)
		lineText(&b, c.Title)
		b.WriteString("</th>")
	}
	b.WriteString("</tr>\n</thead>\n<tbody>")
	for _, r := range t.Rows {
		b.WriteString("\n<tr")
		if r.ID != "" {
			b.WriteString(" id=\"")
			b.WriteString(template.HTMLEscapeString(r.ID))
			b.WriteString("\"")
		}
		b.WriteString(">")
		if r.Header != nil {
			startCell(&b, `th scope="row"`, "")
			lineText(&b, r.Header.Text)
			b.WriteString("</th>")
		}
		for _, c := range r.Cells {
			startCell(&b, "td", c.Class)
			lineText(&b, c.Text)
			if c.Bar >= 0 {
				b.WriteString(`<span class="bar" aria-hidden="true"><span style="width: `)
				b.WriteString(strconv.FormatFloat(c.Bar, 'f', -1, 64))
				b.WriteString(`%"></span></span>`)
			}
			b.WriteString("</td>")
		}
		b.WriteString("</tr>")
	}
	b.WriteString("\n</tbody>\n</table>\n</div>")
	return template.HTML(b.String())
}

// startCell writes a cell's start tag: the element with its attributes,
// and its class when it has one.
func startCell(b *strings.Builder, tag, class string) {
	b.WriteString("<")
	b.WriteString(tag)
	if class != "" {
		b.WriteString(` class="`)
		b.WriteString(template.HTMLEscapeString(class))
		b.WriteString(`"`)
	}
	b.WriteString(">")
}

// lineText writes a text escaped, its line breaks as <br>.
func lineText(b *strings.Builder, s string) {
	for i, l := range lines(s) {
		if i > 0 {
			b.WriteString("<br>")
		}
		b.WriteString(template.HTMLEscapeString(l))
	}
}
