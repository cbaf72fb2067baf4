// Package xlsx writes a record of processing activities (GDPR Article 30) as
// an Excel workbook in the ICO template's layout, reads such a workbook back
// into an identical register, and imports the ICO documentation template
// that a DPO already keeps by hand.
//
// # The workbook
//
// [Write] makes one workbook with two kinds of sheet. The views are for
// people:
//
//   - Cover: the organisation, its DPO, the supervisory authority, the
//     regime, the date the law was applied at, the version and review
//     date, the number of findings by severity, and how to read the
//     workbook.
//   - Template: the controller record in the layout of the regulator's
//     template ([ICO2018] by default): the contact block in rows 2-6 (the
//     controller in columns A/B, the DPO in D/E, the representative in
//     G/H), the sections merged over their columns in row 8, the 30
//     headings in row 9, green where the template marks them required and
//     blue where optional, and from row 10 one row per processing activity,
//     several values in a cell on separate lines. Column AE holds the
//     activity's ID, which links the row to the data sheets. A fact that
//     concerns only some of the activity's data subjects says whom, in
//     plain words: "Health (job applicants only)"; a right only some of
//     them have says so too. A fact the register states there is none of
//     reads "None" (automated decisions and transfers), "None outside the
//     organisation" (recipients) or "None other than the individual"
//     (sources), for the groups it is stated for; a fact not recorded
//     leaves the cell empty.
//   - Processor: the records kept as a processor (Art 30(2)), where there
//     are any, in the same layout.
//   - Retention: a row per activity, data category and retention rule,
//     with the data subjects both the category and the rule concern, what
//     a privacy notice says about the rule, and any statutory minimum.
//   - Findings: what [ropa.Check] finds, coloured by severity.
//   - Reference: every lawful basis, Annex 1 condition, Art 9 condition,
//     Schedule 1 condition and transfer mechanism, with its citation under
//     the register's regime and whether it is available on the date.
//
// The data sheets hold the register itself, normalised, and are what
// [Read] reads: Organisation (a row per register-level field, the
// supervisory authority's among them), Joint controllers, Activities (a
// row per activity), then a row per record of an activity's lists: Data
// categories, Purposes, Recipients, Transfers, Retention rules, Sources,
// Automated decisions and Stated none (the facts the activity states it
// has none of); then Processor records, and Text lists (lists of free
// text, one element a row). Their columns are headed by the model's JSON
// field names; enumerations are written as slugs, lists of enumerations
// and of data subjects one a line, yes/no fields as "yes" or empty, dates
// as YYYY-MM-DD, retention rules and periods in their short forms. Rows
// belong to their activity through its ID. Each record that may concern
// only some of the activity's data subjects has a subjects column naming
// them; left empty, the record concerns all of them. Data categories have
// a sheet of their own, a row per category, rather than a column of the
// Activities sheet, so that a category and the groups it concerns stay
// one row that reads back as it was written. Drop-downs generated from
// the Go enumerations (kept on a hidden Lists sheet, with defined names)
// help whoever edits them.
//
// Every text is written as text: a cell starting with "=", "+", "-" or "@"
// never becomes a formula, and text columns carry the Text number format
// so that an edited cell stays text too. A text too long for a cell is an
// error ([ErrCellTooLong]), not a silent cut. The same register and options
// give the same bytes. Large registers are streamed with excelize's
// StreamWriter, one sheet at a time, so memory does not grow with the
// number of sheets.
//
// # Reading back
//
// [Read] reads the data sheets by sheet name and column heading, so columns
// may be moved, and accepts in each enumerated cell anything the
// enumeration's parser accepts: a slug, a title or a citation. It then
// generates the views again from what it read and compares them with the
// file, cell by cell: a view cell someone edited, a note typed beside a
// view or a sheet added with text in it is reported, as is every cell that
// cannot be read, each as a [*CellError] naming sheet and cell, together in
// [CellErrors]. Nothing written in the workbook is silently dropped: edit
// the data sheets, or import the Template sheet as a hand-kept one with
// package [github.com/article30/article30/export/xlsx/ico].
//
// Write then Read gives back an identical register, except that an empty
// list and an absent one are the same (Read returns nil for both).
//
// # Nothing changed without a word
//
// Read and the ICO importer (package
// [github.com/article30/article30/export/xlsx/ico]) look at the XML of every sheet for what a spreadsheet
// library would read wrongly and silently: an error value (#DIV/0!, #N/A,
// #REF!, #VALUE!, #NAME?, #NUM!, #NULL!, #SPILL!, #CALC! and the others) is
// never read as data; a formula without a computed value is not read as
// empty; an XML entity reference, which the XML decoder would stop at,
// losing the cell and the rest of the sheet, is read as its text (a
// DOCTYPE's entities, internal or external, are never expanded); a cell
// longer than a cell may hold (32,767 UTF-16 code units) is not cut short
// quietly. Each is a [*CellError] naming the sheet and cell, what was found
// and what was kept: for Read an error, for the importer a notice (the importer keeps an over-long cell, as much of it as
// a cell holds, in the activity's notes, which it holds to one cell's
// size, so that the imported register exports). A workbook protected by a
// password to open is [ErrEncrypted], with how to remove the password; an
// Excel 97-2003 file is [ErrNotWorkbook], with how to save it as .xlsx.
//
// # Limits
//
// A workbook is not a database. Every limit is a named default that a
// [ReadOption] raises, and the error for it ([ErrTooLarge]) names both:
//
//   - [MaxFileSize] (256 MiB, [WithMaxFileSize]): the largest workbook file
//     read. Reading stops there; input that does not start as a zip
//     archive (or an OLE compound file) is refused from its first bytes.
//   - [MaxUnzipSize] (4 GiB, [WithLimits]): what all the parts may unpack
//     to. Write's workbook of 100,000 activities like those of the seed
//     registers is 137 MB and unpacks to 2.2 GB (Write takes 29 s and
//     1.4 GB, Read 160 s and 2.2 GB; TestWriteReadScale).
//   - [ExpansionFactor] (100, [WithExpansionFactor]): what the parts may
//     unpack to in proportion to the file (at least [MaxXMLSize]). Write's
//     workbooks unpack to 5 to 16 times their size; a zip bomb, to a
//     thousand times.
//   - [MaxXMLSize] (8 MiB, [WithLimits]): a worksheet or the shared strings
//     larger than this is unpacked to a temporary file and streamed from
//     there, not held in memory.
//   - [MaxPartSize] (64 MiB, [WithMaxPartSize]): any other part, which is
//     held in memory whole; also the most of a sheet with an entity
//     reference, an error value or a formula that is decoded to place it.
//   - [MaxActivities] (100,000, [WithMaxActivities]): the rows the ICO
//     importer imports as activities.
//   - [MaxCellErrors] (10,000, [WithMaxCellErrors]): the cells a read lists
//     in its [CellErrors]; the rest are counted ([CellErrors.Count]).
//
// [Write] holds what it writes to the same limits ([WriteLimits]): by
// default Read's defaults, so whatever Write writes, Read reads; a
// register whose workbook would be larger is an error wrapping
// [ErrTooLarge] that names the limit, raised for both with the same
// option. Write stops as soon as the limit is known to be passed.
//
// Read and the ICO importer never panic. The views depend on the
// library's version (the law's citations, the checks' wording): a workbook
// written by another version may differ in its views; read it with
// [SkipViewCheck] and write it again. The same goes for a workbook of
// format 1, written before data categories, automated decisions and
// statements of none had sheets of their own: Read accepts its columns
// with SkipViewCheck, and Write writes format 2.
package xlsx
