package book

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"unicode/utf16"
)

// An OLE compound file ([MS-CFB]) is not an .xlsx workbook, but two kinds
// of it are met where one is expected: a workbook encrypted with a
// password to open, whose .xlsx package is stored encrypted in the
// compound file's EncryptedPackage stream beside an EncryptionInfo stream
// ([MS-OFFCRYPTO] 2.3.4.1), and a workbook of Excel 97-2003 (.xls), whose
// Workbook stream holds the BIFF8 records ([MS-XLS] 2.1.2). oleError tells
// them apart by the names in the compound file's directory, so that the
// user is told what to do rather than "not a valid zip file".

// Messages for the kinds of compound file.
const (
	encryptedHelp = "its content cannot be read without the password: open it in Excel, " +
		"choose File > Info > Protect Workbook > Encrypt with Password, clear the password, select OK and save a copy " +
		"(in LibreOffice, File > Save As with \"Save with password\" unticked), then read the copy"
	xlsHelp = "it is an Excel 97-2003 workbook (.xls), not an .xlsx workbook: open it in Excel and save a copy with " +
		"File > Save As, choosing \"Excel Workbook (*.xlsx)\", then read the copy"
	oleHelp = "it is an OLE compound file (an Office document of the 97-2003 formats), not an .xlsx workbook"
)

// oleError returns the error for a compound file.
func oleError(data []byte) error {
	names := cfbNames(data)
	has := func(n string) bool {
		for _, s := range names {
			if equalFoldASCII(s, n) {
				return true
			}
		}
		return false
	}
	switch {
	case has("EncryptionInfo") || has("EncryptedPackage"):
		return fmt.Errorf("%w: %s", ErrEncrypted, encryptedHelp)
	case names == nil && bytes.Contains(data, utf16le("EncryptedPackage")):
		// A directory the parser could not follow: the stream's name
		// in the file is evidence enough.
		return fmt.Errorf("%w: %s", ErrEncrypted, encryptedHelp)
	case has("Workbook") || has("Book"):
		return fmt.Errorf("%w: %s", ErrNotWorkbook, xlsHelp)
	}
	return fmt.Errorf("%w: %s", ErrNotWorkbook, oleHelp)
}

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func equalFoldASCII(a, b string) bool { return bytes.EqualFold([]byte(a), []byte(b)) }

// cfbNames returns the names of the entries in a compound file's
// directory, or nil when the file's header or directory chain cannot be
// followed. It reads only the header, the FAT sectors the header and the
// DIFAT chain list, and the directory's sectors ([MS-CFB] 2.2-2.6), with
// every count and chain bounded by the file's size.
func cfbNames(data []byte) []string {
	const (
		headerSize = 512
		endOfChain = 0xFFFFFFFE
		freeSect   = 0xFFFFFFFF
		maxSector  = 0xFFFFFFFA
	)
	if len(data) < headerSize || !bytes.Equal(data[:8], oleSignature) {
		return nil
	}
	le := binary.LittleEndian
	shift := le.Uint16(data[0x1E:])
	if shift != 9 && shift != 12 {
		return nil
	}
	size := 1 << shift
	sectors := len(data) >> shift
	sector := func(n uint32) []byte {
		if n >= maxSector || int(n) >= sectors {
			return nil
		}
		off := (int(n) + 1) << shift // the header fills sector -1
		if off+size > len(data) {
			return nil
		}
		return data[off : off+size]
	}
	// The FAT's sectors: 109 in the header, the rest in the DIFAT chain.
	var fatSectors []uint32
	for i := range 109 {
		if s := le.Uint32(data[0x4C+4*i:]); s < maxSector {
			fatSectors = append(fatSectors, s)
		}
	}
	difat, seen := le.Uint32(data[0x44:]), 0
	for difat < maxSector && seen < sectors {
		b := sector(difat)
		if b == nil {
			return nil
		}
		for i := 0; i < size/4-1; i++ {
			if s := le.Uint32(b[4*i:]); s < maxSector {
				fatSectors = append(fatSectors, s)
			}
		}
		difat = le.Uint32(b[size-4:])
		seen++
	}
	next := func(n uint32) uint32 {
		per := uint32(size / 4)
		i := int(n / per)
		if i >= len(fatSectors) {
			return freeSect
		}
		b := sector(fatSectors[i])
		if b == nil {
			return freeSect
		}
		return le.Uint32(b[4*(n%per):])
	}
	var names []string
	dir := le.Uint32(data[0x30:])
	for steps := 0; dir != endOfChain; steps++ {
		b := sector(dir)
		if b == nil || steps > sectors {
			if names == nil {
				return nil
			}
			return names
		}
		for e := 0; e+128 <= len(b); e += 128 {
			entry := b[e : e+128]
			n := int(le.Uint16(entry[0x40:]))
			if n < 2 || n > 64 || entry[0x42] == 0 {
				continue // an unused entry
			}
			u := make([]uint16, n/2-1) // without the terminating NUL
			for i := range u {
				u[i] = le.Uint16(entry[2*i:])
			}
			names = append(names, string(utf16.Decode(u)))
		}
		dir = next(dir)
	}
	if names == nil {
		return []string{}
	}
	return names
}
