package notice

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/article30/article30/lawfulbasis"

	"github.com/article30/article30/ropa"
)

// internalFields are the register fields kept for the organisation, not
// the public (see the package documentation): notes, owners, business
// functions, the fee registration number, security measures, systems,
// where consent is recorded, assessments, contracts, transfer risk
// assessments, references to documents, and how age is assured.
var internalFields = map[string]bool{
	"Notes": true, "Owner": true, "BusinessFunction": true, "Registration": true,
	"Security": true, "Systems": true, "ConsentRecord": true, "Assessment": true,
	"Contract": true, "ProtectionTest": true, "Reference": true,
	"AgeAssurance": true, "HigherProtection": true,
}

const marker = "ZQXINTERNALZQX"

// plant writes marker into every internal field reachable from v: a
// string is set to it, a list of strings gets it as an item.
func plant(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			plant(v.Elem())
		}
	case reflect.Slice:
		for i := range v.Len() {
			plant(v.Index(i))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			f, sf := v.Field(i), v.Type().Field(i)
			if !sf.IsExported() {
				continue
			}
			if internalFields[sf.Name] {
				switch {
				case f.Kind() == reflect.String:
					f.SetString(marker + " " + sf.Name)
					continue
				case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.String:
					f.Set(reflect.Append(f, reflect.ValueOf(marker+" "+sf.Name).Convert(f.Type().Elem())))
					continue
				}
			}
			plant(f)
		}
	}
}

// No internal field reaches any notice of any seed register or of the HR
// example, for any audience, in any format.
func TestInternalNeverPublished(t *testing.T) {
	names, regs := seedRegisters(t)
	hr, err := ropa.Load("../../examples/hr/register.yaml")
	if err != nil {
		t.Fatal(err)
	}
	names, regs["hr"] = append(names, "hr"), hr
	for _, name := range names {
		reg := regs[name]
		plant(reflect.ValueOf(reg))
		if reg.Activities[0].Notes == "" || !strings.Contains(reg.Activities[0].Notes, marker) {
			t.Fatalf("%s: marker not planted", name)
		}
		all := mustGenerate(t, reg, lawDay)
		ns := []*Notice{all}
		for _, s := range all.Audience {
			ns = append(ns, mustGenerate(t, reg, lawDay, Audience(s)))
		}
		for _, n := range ns {
			for format, out := range map[string]string{"md": n.Markdown(), "txt": n.Text(), "html": n.Page()} {
				if i := strings.Index(out, marker); i >= 0 {
					t.Errorf("%s %v %s: internal text published: %q", name, n.Audience, format, out[max(0, i-80):min(len(out), i+60)])
				}
			}
		}
	}
}

// The register's complaints details are public text the notice quotes; a
// generated sentence saying what they already say is left out, and the DPO
// is named as a route only with a way to reach them.
func TestComplaintsNotRepeated(t *testing.T) {
	at := day(2026, time.November, 23) // DPA 2018 s164A in force
	const ack = "We will tell you within 30 days that we got your complaint, and then tell you the outcome."
	const right = "You can complain to us if you think we have broken data protection law."
	tests := []struct {
		name          string
		details       string
		routes        bool // the register records complaint routes
		dpo           ropa.Contact
		want, wantNot []string
	}{
		{"no details", "", true, ropa.Contact{Name: "Priya Shah", Email: "dpo@full.example"}, []string{right, ack}, nil},
		{"details give the 30 days", "We acknowledge a complaint within 30 days of receiving it and tell you the outcome without undue delay.", true,
			ropa.Contact{Name: "Priya Shah"}, []string{right, "We acknowledge a complaint within 30 days"}, []string{ack}},
		{"details state the right", "If you are unhappy, you can complain to our DPO.", true,
			ropa.Contact{Name: "Priya Shah"}, []string{ack, "If you are unhappy, you can complain to our DPO."}, []string{right}},
		{"DPO with an email is the route", "", false, ropa.Contact{Name: "Priya Shah", Email: "dpo@full.example"},
			[]string{"To complain, contact our data protection officer by email at dpo@full.example."}, nil},
		{"DPO with no way to reach them is no route", "", false, ropa.Contact{Name: "Priya Shah"},
			nil, []string{"To complain, contact our data protection officer"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg := full(lawfulbasis.UK)
			reg.Complaints.Details = tt.details
			if !tt.routes {
				reg.Complaints = ropa.ComplaintRoute{Details: tt.details}
			}
			reg.DPO = tt.dpo
			n := mustGenerate(t, reg, at)
			text := flat(readerText(n))
			for _, w := range tt.want {
				if c := strings.Count(text, w); c != 1 {
					t.Errorf("%q said %d times, want once", w, c)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(text, w) {
					t.Errorf("text says %q", w)
				}
			}
		})
	}
}
