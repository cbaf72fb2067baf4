package ropa_test

import (
	"bytes"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/article30/article30/ropa"
)

// The seed registers model the privacy notices of the first customers
// (../shared/seeds) in examples/registers. They record only what each notice
// states, so the checks report what each notice leaves out or gets wrong.

// seedAsOf is the date the law is applied at for the seed registers.
var seedAsOf = time.Date(2026, time.November, 23, 0, 0, 0, 0, time.UTC)

// seedNames are the seed register files, without directory or extension.
var seedNames = []string{
	"health-careers",
	"careers-and-enterprise",
	"healthwatch-hertfordshire",
	"durham-university-recruitment",
	"harris-careers",
}

func loadSeed(t *testing.T, name string) *ropa.Register {
	t.Helper()
	path := filepath.Join("..", "examples", "registers", name+".yaml")
	reg, err := ropa.Load(path)
	if err != nil {
		t.Fatalf("Load(%q): %v", path, err)
	}
	if err := reg.Validate(); err != nil {
		t.Fatalf("Load(%q).Validate():\n%v", path, err)
	}
	return reg
}

// TestSeedRegisters pins the exact set of rules that fire on each seed
// register. Each ID is a finding about the notice (or about what a register
// built from it still lacks); see the comments beside each.
func TestSeedRegisters(t *testing.T) {
	tests := []struct {
		name string
		want []string
	}{
		{"health-careers", []string{
			"children-higher-protection", // Step into the NHS is "specifically for young people"; nothing on their protection
			"complaint-route",            // only the ICO is offered, no way to complain to HEE itself
			"consent-record",             // marketing rests on opt-in; where consents are kept is not said
			"dpia-required",              // an online service offered to young people, no DPIA mentioned
			"processor-contract",         // processors "under contract", no contract referenced
			"purpose-basis",              // five bases listed as a menu, none tied to a purpose
			"transfer-mechanism",         // subscriber data to MailChimp in the US with no safeguard named
		}},
		{"careers-and-enterprise", []string{
			"complaint-form",                 // complaints by email to the DPO only, no electronic form
			"consent-record",                 // consent to marketing and analytics cookies, no record named
			"criminal-authority",             // DBS checks of job applicants, no Schedule 1 condition
			"legitimate-interest-assessment", // website legitimate interests, no assessment referenced
			"processor-contract",             // "appropriate contractual agreements", none referenced
			"purpose-basis",                  // bases listed per group, not per purpose
			"retention-missing",              // "CEC has a retention schedule", no period given
			"special-basis",                  // special category data in groups where no purpose names a basis
			"special-condition",              // SEND, health, ethnicity, sexual orientation: no Art 9(2) condition
		}},
		{"healthwatch-hertfordshire", []string{
			"complaint-form",     // complaints to the DPO by phone, email or post, no electronic form
			"consent-employment", // staff equality monitoring rests on employees' consent
			"consent-record",     // consent for feedback, newsletter, monitoring; no record named
			"criminal-authority", // staff DBS checks, no Schedule 1 condition
			"privacy-shield",     // US storage only with Privacy Shield companies (MailChimp)
			"processor-contract", // "Data Processing Contract/Agreement" mentioned, none referenced
			"purpose-basis",      // no basis for day-to-day work, questions, website, staff, tracking
			"retention-missing",  // schedule "available on request", no period given
			"special-condition",  // feedback on health and care services, no Art 9(2) condition
		}},
		{"durham-university-recruitment", []string{
			"complaint-form",                 // "let us know" / contact the DPO, no form
			"controller-contact",             // email redacted in the text, no address or phone
			"criminal-authority",             // unspent convictions and DBS checks, no Schedule 1 condition
			"dpo-contact",                    // DPO named, email redacted
			"legal-provision",                // right-to-work and criminal record checks: law not named
			"legitimate-interest-assessment", // legitimate interests, no assessment referenced
			"processor-contract",             // "formal data processing agreement", none referenced
			"public-authority-interests",     // a public authority relying on legitimate interests
			"purpose-basis",                  // adjustments, equality monitoring, bank details, health declaration
			"retention-missing",              // no period for right-to-work, DBS, references, health declarations
			"special-basis",                  // equality monitoring: Art 9(2)(g) but no Art 6 basis
			"special-schedule1",              // Art 9(2)(b) and (g) without Schedule 1 conditions
		}},
		{"harris-careers", []string{
			"complaint-route",      // no complaint route at all, not even the ICO
			"consent-record",       // cookie, advertising and job-alert consent; no record named
			"controller-contact",   // no address, email or phone for the Harris Federation
			"criminal-authority",   // Enhanced DBS checks through connected services, no Schedule 1 condition
			"processor-contract",   // processors "carefully selected", no contract referenced
			"purpose-basis",        // no lawful basis named except consent for cookies and job alerts
			"retention-indefinite", // cookies "stay longer, sometimes forever"
			"retention-missing",    // no retention period for anything else
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg := loadSeed(t, tt.name)
			got := ropa.Check(reg, ropa.AsOf(seedAsOf)).IDs()
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Check(%s).IDs() mismatch (-want +got):\n%s", tt.name, diff)
			}
		})
	}
}

// TestSeedKnownDefects asserts that the defects a careful reader finds in each
// notice are among the findings, whatever else the checks report.
func TestSeedKnownDefects(t *testing.T) {
	tests := []struct {
		name   string
		defect string
		why    string
	}{
		{"healthwatch-hertfordshire", "privacy-shield", "US storage relies on the EU/Swiss Privacy Shield"},
		{"healthwatch-hertfordshire", "purpose-basis", "no lawful basis for most processing"},
		{"healthwatch-hertfordshire", "retention-missing", "no retention period, schedule only on request"},
		{"health-careers", "purpose-basis", "lawful bases listed with no link to purposes"},
		{"health-careers", "complaint-route", "no way to complain to HEE itself"},
		{"careers-and-enterprise", "retention-missing", "no retention period given"},
		{"harris-careers", "retention-missing", "no retention period given"},
		{"harris-careers", "complaint-route", "no complaint route"},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/"+tt.defect, func(t *testing.T) {
			reg := loadSeed(t, tt.name)
			ids := ropa.Check(reg, ropa.AsOf(seedAsOf)).IDs()
			if !slices.Contains(ids, tt.defect) {
				t.Errorf("Check(%s) does not report %s (%s); got %v", tt.name, tt.defect, tt.why, ids)
			}
		})
	}
}

// TestSeedsRoundTrip encodes each seed register and decodes it back: the
// result is identical, nil and empty slices included.
func TestSeedsRoundTrip(t *testing.T) {
	for _, name := range seedNames {
		t.Run(name, func(t *testing.T) {
			reg := loadSeed(t, name)
			var buf bytes.Buffer
			if err := ropa.Encode(&buf, reg); err != nil {
				t.Fatalf("Encode: %v", err)
			}
			back, err := ropa.Decode(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatalf("Decode(Encode(%s)): %v\n%s", name, err, buf.String())
			}
			if diff := cmp.Diff(reg, back); diff != "" {
				t.Errorf("Decode(Encode(%s)) differs (-loaded +round trip):\n%s", name, diff)
			}
		})
	}
}
