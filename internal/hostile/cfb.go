package hostile

import (
	"encoding/binary"
	"unicode/utf16"
)

// CompoundFile returns a small OLE compound file ([MS-CFB], version 3,
// 512-byte sectors) holding one stream of 4,096 bytes of filler under each
// name: with "EncryptionInfo" and "EncryptedPackage" it has the shape of
// a workbook encrypted with a password ([MS-OFFCRYPTO] 2.3.4.1, without a
// real encryption), with "Workbook" that of an Excel 97-2003 workbook. At
// most three streams.
func CompoundFile(streams ...string) []byte {
	const (
		sector     = 512
		streamSize = 4096
		fatSect    = 0xFFFFFFFD
		endOfChain = 0xFFFFFFFE
		freeSect   = 0xFFFFFFFF
		noStream   = 0xFFFFFFFF
	)
	if len(streams) > 3 {
		panic("hostile: CompoundFile holds at most three streams")
	}
	le := binary.LittleEndian
	per := streamSize / sector
	nSectors := 2 + per*len(streams) // FAT, directory, streams
	out := make([]byte, sector*(1+nSectors))
	h := out[:sector]
	copy(h, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	le.PutUint16(h[0x18:], 0x003E)
	le.PutUint16(h[0x1A:], 3)
	le.PutUint16(h[0x1C:], 0xFFFE)
	le.PutUint16(h[0x1E:], 9)
	le.PutUint16(h[0x20:], 6)
	le.PutUint32(h[0x2C:], 1) // one FAT sector
	le.PutUint32(h[0x30:], 1) // the directory in sector 1
	le.PutUint32(h[0x38:], 0x1000)
	le.PutUint32(h[0x3C:], endOfChain)
	le.PutUint32(h[0x44:], endOfChain)
	for i := range 109 {
		le.PutUint32(h[0x4C+4*i:], freeSect)
	}
	le.PutUint32(h[0x4C:], 0) // the FAT in sector 0
	at := func(n int) []byte { return out[sector*(n+1) : sector*(n+2)] }
	fat := at(0)
	for i := range sector / 4 {
		le.PutUint32(fat[4*i:], freeSect)
	}
	le.PutUint32(fat[0:], fatSect)
	le.PutUint32(fat[4:], endOfChain)
	dir := at(1)
	entry := func(i int, name string, typ byte, child, right, start uint32, size uint64) {
		e := dir[128*i : 128*(i+1)]
		u := utf16.Encode([]rune(name))
		for j, c := range u {
			le.PutUint16(e[2*j:], c)
		}
		le.PutUint16(e[0x40:], uint16(2*len(u)+2))
		e[0x42], e[0x43] = typ, 1 // black
		le.PutUint32(e[0x44:], noStream)
		le.PutUint32(e[0x48:], right)
		le.PutUint32(e[0x4C:], child)
		le.PutUint32(e[0x74:], start)
		le.PutUint64(e[0x78:], size)
	}
	child := uint32(noStream)
	if len(streams) > 0 {
		child = 1
	}
	entry(0, "Root Entry", 5, child, noStream, endOfChain, 0)
	for i, name := range streams {
		first := 2 + per*i
		for s := first; s < first+per; s++ {
			next := uint32(s + 1)
			if s == first+per-1 {
				next = endOfChain
			}
			le.PutUint32(fat[4*s:], next)
			for j := range sector {
				at(s)[j] = byte('A' + i)
			}
		}
		right := uint32(noStream)
		if i+1 < len(streams) {
			right = uint32(i + 2)
		}
		entry(i+1, name, 2, noStream, right, uint32(first), streamSize)
	}
	return out
}
