// Package safefile writes files atomically and reads input within a size
// limit, for every command and reader of the module.
//
// [Write] makes the new content in a temporary file in the target's
// directory, syncs it to disk and renames it over the target, so that a
// write that fails half-way (a full disk, a file size limit, a writer's
// error) leaves the previous file byte for byte as it was, and no
// temporary file behind. [Same] tells whether an output path names one of
// a command's inputs, so that a command can refuse to overwrite its own
// input. [ReadAll] reads at most a limit and stops there: a larger input
// is never read whole.
package safefile
