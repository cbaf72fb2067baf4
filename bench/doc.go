// Command bench times article30 on generated registers of 100, 1,000 and
// 10,000 activities: ropa.Check, xlsx.Write, xlsx.Read, notice generation
// (Markdown, HTML and text) and "article30 retention due" over a million
// records; and, side by side, the same workbook contents written by
// Python's openpyxl and by excelize's StreamWriter alone (the floor). Each
// measurement runs in a process of its own, so that its peak memory (the
// maximum resident set size) is its own.
//
// Run it with bench/run.sh, which builds it and the command-line tool and
// installs openpyxl when it is missing:
//
//	bench/run.sh                      # all sizes
//	bench/run.sh -sizes 100,1000      # fewer
//
// The table it prints gives, for each size and task, the time, the peak
// memory, and the ratios against openpyxl and the floor.
package main
