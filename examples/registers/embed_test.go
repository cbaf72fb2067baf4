package registers_test

import (
	"fmt"
	"io/fs"
	"log"

	"github.com/article30/article30/examples/registers"
)

func ExampleNames() {
	for _, name := range registers.Names() {
		b, err := fs.ReadFile(registers.FS, name)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(name, len(b) > 0)
	}
	// Output:
	// careers-and-enterprise.yaml true
	// durham-university-recruitment.yaml true
	// harris-careers.yaml true
	// health-careers.yaml true
	// healthwatch-hertfordshire.yaml true
}
