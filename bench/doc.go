// Command bench times article30 on generated registers of 100, 1,000 and
// 10,000 activities: ropa.Check, xlsx.Write, xlsx.Read, notice generation
// (Markdown, HTML and text) and "article30 retention due" over a million
// records; and, side by side, the same workbook contents written by
// Python's openpyxl (write_only and normal mode) and by excelize's
// StreamWriter alone at Write's compression level (the floor), and Read
// against excelize's own row reader. Each measurement runs in a process of
// its own, which reports its own peak memory (VmHWM in /proc/self/status).
//
// Run it with bench/run.sh, which builds it and the command-line tool and
// installs openpyxl when it is missing:
//
//	bench/run.sh                      # all sizes
//	bench/run.sh -sizes 100,1000      # fewer
//
// The table it prints gives, for each size and task, the time, the peak
// memory, and the ratios against openpyxl, the floor and the row reader.
// Sizes from 50,000 time the round trip (write, then read) alone.
package main
