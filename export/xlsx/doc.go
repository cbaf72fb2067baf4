// Package xlsx writes a record of processing activities (GDPR Article 30) as
// an Excel workbook in the ICO template's layout, reads such a workbook back
// into an identical register, and imports the ICO documentation template
// that a DPO already keeps by hand.
//
// # The workbook
//
// [Write] makes one workbook with two kinds of sheet, in the order of the
// ICO's own workbook: Notes, Template, Processor, then the project's other
// sheets. The views are for people:
//
//   - Notes: what the heading colours mean (green required by Article 30
//     or DPA 2018 Schedule 1, blue optional), how the workbook works
//     (which cells a person edits, which are generated, why the activity
//     ID is there, how to show the data sheets), then the organisation,
//     its contacts, the supervisory authority, the regime, the date the
//     law was applied at and the findings counted. (It was the Cover
//     sheet before format 3; [Sheets] still takes that name.)
//   - Template: the controller record in the layout of the ICO's
//     template, the one layout the package writes: the contact block in rows 2-6 (the
//     controller in columns A/B, the DPO in D/E, the representative in
//     G/H), the sections merged over their columns in row 8, the 30
//     headings in row 9, green where the template marks them required and
//     blue where optional, panes frozen at A10 as in the ICO's workbook,
//     and from row 10 one row per processing activity, several values in a
//     cell on separate lines. Column AE, after the ICO's columns, greyed
//     and narrow, holds the activity's ID: it keys the row to the
//     register, so that rows sorted, filtered or edited keep their
//     activity; it sits after the ICO's columns, rather than hidden, so
//     that A-AD stay where the ICO's template has them and a person can
//     see which row is which (a hidden key is one nobody knows not to
//     delete). The hidden Lists sheet holds each row's fingerprint as
//     written (see Round trip through a person), so that the Template
//     has the ICO's columns and the ID alone. A fact that
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
// # Printing
//
// Every visible sheet prints on A4 landscape with its heading rows repeated
// on every page. The Template prints from its section row (the contact
// block is on the Notes sheet, whole, rather than its labels repeated down
// every page), at 58 per cent, its sections packed onto four pages across
// (A-F, G-K, L-R, S-AE), each page starting at a section boundary or, for
// the Article 30 record, wider than a page, with its title repeated
// ("(continued)"): a title never crosses a page break. The other views fit
// one page across; Notes fits one page. The data sheets are hidden, because a
// spreadsheet prints every visible sheet and they are tables for editing,
// not for reading ([ShowDataSheets] writes them visible); so is a
// Findings sheet with no findings. The HR example prints on 8 pages with
// LibreOffice and the seed registers on 13 to 20 (TestPrintPageCounts).
//
// The data sheets hold the register itself, normalised, and are what
// [Read] reads: Organisation (a row per register-level field, the
// supervisory authority's among them), Joint controllers, Activities (a
// row per activity), then a row per record of an activity's lists: Data
// categories, Purposes, Recipients, Transfers, Retention rules, Sources,
// Automated decisions and Stated none (the facts the activity states it
// has none of); then Processor records, and Text lists (lists of free
// text, one element a row). Their columns are headed by the fields' names
// in words ("Policy document: Article 6 basis"; [Read] also takes the
// JSON paths, "policyDocument.article6", of format 1 and 2 workbooks);
// enumerations are written as slugs, lists of enumerations
// and of data subjects one a line, yes/no fields as "yes" or empty, dates
// as YYYY-MM-DD, retention rules and periods in their short forms. Rows
// belong to their activity through its ID. Each record that may concern
// only some of the activity's data subjects has a subjects column naming
// them; left empty, the record concerns all of them. Data categories have
// a sheet of their own, a row per category, rather than a column of the
// Activities sheet, so that a category and the groups it concerns stay
// one row that reads back as it was written. Drop-downs generated from
// the Go enumerations (kept on a hidden Lists sheet, with defined names)
// help whoever edits a column of one value; a column of several values,
// one a line, has an input prompt instead (a drop-down allows one value,
// so several would violate it). Every sheet declares its true dimension,
// so that readers that trust it (openpyxl's read-only mode) see every
// cell.
//
// Every text is written as text: a cell starting with "=", "+", "-" or "@"
// never becomes a formula, and text columns carry the Text number format
// so that an edited cell stays text too. A text too long for a cell is an
// error ([ErrCellTooLong]), not a silent cut. The same register and options
// give the same bytes. The sheets are streamed one at a time: the package
// encodes their rows, compressed as they are written, and excelize's
// StreamWriter the rest of each sheet, so memory does not grow with the
// number of sheets.
//
// # Reading back
//
// [Read] reads the data sheets by sheet name and column heading, so columns
// may be moved, and accepts in each enumerated cell anything the
// enumeration's parser accepts: a slug, a title or a citation. The rows
// of a sheet as Write wrote it are decoded by the package; a sheet saved
// by a spreadsheet program is read with excelize's row reader, from its
// first row that Write would not have written.
//
// # Round trip through a person
//
// The workbook says which cells a person edits and which are derived:
//
//   - Edited: every cell of the data sheets except the activity IDs that
//     link their rows (rename an activity on the Activities sheet, change
//     a purpose's basis on the Purposes sheet); and, on the Template, the
//     cells that stand for one field each: the contact block's values,
//     Business function (A), Purpose of processing (B, a line per purpose:
//     its description), Categories of individuals (D), Categories of
//     personal data (E), Categories of recipients (F, a line per
//     recipient: its name), Retention schedule (J, a line per rule: the
//     text after the rule's own sentence), Security measures (K), Link to
//     record of consent (S), Location (T), the DPIA and breach columns
//     (U-Y) and, for an activity that needs an appropriate policy
//     document, its link, Yes/No and reasons (AB-AD).
//   - Derived: every other view cell (the other Template columns, the
//     Processor, Retention, Findings and Reference sheets, and the counts
//     on the Notes sheet). They are generated again from the register
//     read; they never stop a read.
//
// Rows belong to their activity by its ID (the Template's grey column AE),
// never by name or position. Write records a fingerprint of each view and
// of each Template row as written, on the hidden Lists sheet, so Read knows which side a person
// changed: a view nobody touched is simply generated again (a renamed
// activity renames itself on the Retention sheet); a Template cell edited
// where the data sheets were not is read into the register; an activity
// edited on both keeps the data sheets' values, which record each fact
// whole (a purpose's lawful basis, the groups each record concerns), and
// the Template cell is reported; any other view cell that differs from
// what the register gives is reported. Each report is a [*CellError]
// wrapping [ErrViewEdited], naming the cell, its text and where to make
// the change; Read then returns the register AND those reports in
// [CellErrors]. A cell that cannot be read (an unknown lawful basis on the
// Purposes sheet, "Perhaps" in a Yes/No column of the Template) is an
// error: Read returns no register and every such cell. Nothing written in
// the workbook is silently dropped.
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
