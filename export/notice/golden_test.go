package notice

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/article30/article30/ropa"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// audienceFile names a golden file for a group of people: the catalogue
// slug, or "custom-" and the custom name in lower case with dashes.
func audienceFile(s ropa.Subject) string {
	if !s.Custom() {
		return string(s)
	}
	var b strings.Builder
	b.WriteString("custom")
	dash := true
	for _, r := range strings.ToLower(s.Title()) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

// TestGolden compares the notice of each seed register, for the whole
// organisation ("all") and for each of its groups of people, in Markdown,
// plain text and as an HTML page, with testdata/golden/<register>/<audience>.
// Run with -update to rewrite the files after a deliberate change.
func TestGolden(t *testing.T) {
	names, regs := seedRegisters(t)
	for _, name := range names {
		reg := regs[name]
		all := mustGenerate(t, reg, lawDay)
		cases := map[string]*Notice{"all": all}
		for _, s := range all.Audience {
			cases[audienceFile(s)] = mustGenerate(t, reg, lawDay, Audience(s))
		}
		for audience, n := range cases {
			for ext, got := range map[string]string{"md": n.Markdown(), "txt": n.Text(), "html": n.Page()} {
				path := filepath.Join("testdata", "golden", name, audience+"."+ext)
				if *update {
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Errorf("%v (run go test -update to create it)", err)
					continue
				}
				if diff := cmp.Diff(string(want), got); diff != "" {
					t.Errorf("%s differs (-want +got; run go test -update if the change is deliberate):\n%s", path, diff)
				}
			}
		}
	}
}

func TestAudienceFile(t *testing.T) {
	for s, want := range map[ropa.Subject]string{
		ropa.JobApplicants: "job-applicants",
		"custom: People who register to receive information (including the We are the NHS campaign)": "custom-people-who-register-to-receive-information-including-the-we-are-the-nhs-campaign",
	} {
		if got := audienceFile(s); got != want {
			t.Errorf("audienceFile(%q) = %q, want %q", s, got, want)
		}
	}
}
