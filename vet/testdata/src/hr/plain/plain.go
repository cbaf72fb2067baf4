// Package plain has nothing to do with the register: no diagnostics.
package plain

import "fmt"

// Person is not annotated: its fields are not checked.
type Person struct {
	Email string
	NI    string
}

func hello(p Person) { fmt.Println(p.Email) }
