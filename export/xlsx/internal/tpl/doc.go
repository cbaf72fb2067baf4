// Package tpl is the ICO's documentation template, as the project
// rebuilds it from independent public copies of the "Documentation
// template for controllers" (gdpr-documentation-controller-template.xlsx,
// ICO document 2172937) and its processor counterpart: the sheets, the
// contact block in rows 2-6 (controller, DPO, representative; Name,
// Address, Email, Telephone), the merged section headers in row 8, the 30
// headings A-AD in row 9, data from row 10. Green headings are required
// under Article 30 or DPA 2018 Schedule 1, blue ones optional (the
// template's Notes sheet). The template has not been reissued since 2018
// and still says "GDPR".
//
// Package xlsx lays out its workbook's Template and Processor sheets in
// it, and package ico reads hand-kept copies of it: one description for
// both, which neither changes.
package tpl
